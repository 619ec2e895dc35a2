/**
 * The shortest edit between two sequences of numbers (words interned to ids), by Myers'
 * algorithm exactly as jsdiff's `diffArrays` runs it: the same diagonals in the same order, the
 * same choice between an insertion and a deletion when both reach as far, the same pruning at
 * the edges of the edit graph, so it finds the same edit among the equally short ones. What it
 * saves is jsdiff's generality: diagonals are indices of a flat array (jsdiff keys negative
 * diagonals as properties), tokens are compared as numbers, no clock is read per step, and no
 * values are copied out.
 */

/** A run of the edit: `count` ids kept, removed from the old sequence, or added from the new. */
export interface IdRun {
  op: 'equal' | 'removed' | 'added';
  count: number;
}

interface Component {
  count: number;
  op: IdRun['op'];
  previous: Component | undefined;
}

interface Path {
  oldPos: number;
  last: Component | undefined;
}

/**
 * The edit turning `before` into `after`, as runs in order; undefined when it takes more than
 * `maxEditLength` insertions and deletions (as jsdiff's option of that name).
 */
export function diffIds(before: ArrayLike<number>, after: ArrayLike<number>, maxEditLength = Number.POSITIVE_INFINITY): IdRun[] | undefined {
  const oldLen = before.length;
  const newLen = after.length;
  const maxEdit = Math.min(oldLen + newLen, maxEditLength);
  // Follows the diagonal through equal ids from a path's end; returns the new position.
  const extractCommon = (path: Path, diagonal: number): number => {
    let oldPos = path.oldPos;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && before[oldPos + 1] === after[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common > 0) path.last = { count: common, op: 'equal', previous: path.last };
    path.oldPos = oldPos;
    return newPos;
  };
  const extend = (path: Path, op: 'added' | 'removed', oldPosInc: number): Path => {
    const last = path.last;
    if (last && last.op === op) return { oldPos: path.oldPos + oldPosInc, last: { count: last.count + 1, op, previous: last.previous } };
    return { oldPos: path.oldPos + oldPosInc, last: { count: 1, op, previous: last } };
  };
  const start: Path = { oldPos: -1, last: undefined };
  let newPos = extractCommon(start, 0);
  if (start.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return runs(start.last);
  // Paths by diagonal, diagonal d at index d + offset (diagonals run from -maxEdit - 1 to maxEdit + 1).
  const offset = Math.min(maxEdit, oldLen + newLen) + 1;
  const best: Array<Path | undefined> = new Array(2 * offset + 1);
  best[offset] = start;
  let minDiagonal = Number.NEGATIVE_INFINITY;
  let maxDiagonal = Number.POSITIVE_INFINITY;
  for (let editLength = 1; editLength <= maxEdit; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const removePath = best[diagonal - 1 + offset];
      const addPath = best[diagonal + 1 + offset];
      if (removePath) best[diagonal - 1 + offset] = undefined;
      let canAdd = false;
      if (addPath) {
        const addPathNewPos = addPath.oldPos - diagonal;
        canAdd = 0 <= addPathNewPos && addPathNewPos < newLen;
      }
      const canRemove = removePath !== undefined && removePath.oldPos + 1 < oldLen;
      if (!canAdd && !canRemove) {
        best[diagonal + offset] = undefined;
        continue;
      }
      // The path that reaches farthest into the old sequence, an insertion when tied (jsdiff's rule).
      const path =
        !canRemove || (canAdd && (removePath as Path).oldPos < (addPath as Path).oldPos) ? extend(addPath as Path, 'added', 0) : extend(removePath as Path, 'removed', 1);
      newPos = extractCommon(path, diagonal);
      if (path.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return runs(path.last);
      best[diagonal + offset] = path;
      if (path.oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return undefined;
}

function runs(last: Component | undefined): IdRun[] {
  const out: IdRun[] = [];
  for (let c = last; c; c = c.previous) out.push({ op: c.op, count: c.count });
  return out.reverse();
}
