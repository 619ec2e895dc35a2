import { checkLimit, type checkCellCount } from './import-limits.ts';
import { declaredSize, openPackage } from './ooxml.ts';

/**
 * Checks an .xlsx before a sheet reader builds its cells: every worksheet part within the
 * size limits, and the cells of each (its `<c>` elements) within `cells`. Counting is a scan of the XML text, far cheaper than
 * the objects a reader makes per cell (a million cells took 4.8 GB). Readers that open the
 * package themselves call this first; one on {@link openPackage} can call {@link checkCellCount}.
 */
export function checkSheetCells(bytes: Uint8Array): void {
  const pkg = openPackage(bytes, 'Excel (.xlsx)');
  let declared = 0;
  for (const name of pkg.keys()) {
    // The reader this guards inflates every part: so all of them are within the limits.
    const size = declaredSize(pkg, name) ?? 0;
    checkLimit('partMb', size, `part ${name}, as declared`);
    declared += size;
  }
  checkLimit('packageMb', declared, 'all parts, as declared');
  for (const name of pkg.keys()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = new TextDecoder('utf-8').decode(pkg.get(name));
    // The cells themselves, not the sheet's `dimension`, which some writers set to the whole grid.
    checkLimit('cells', xml.match(/<(?:\w+:)?c[\s/>]/g)?.length ?? 0, `part ${name}`);
  }
}
