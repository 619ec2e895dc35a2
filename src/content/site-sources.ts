/** A content file: its repository-relative path (used in messages and to name it) and its text. */
export interface SourceFile {
  file: string;
  text: string;
  /** Set when the file exists but was refused before reading (reported where it was refused): it counts as present, and nothing more is said of it. */
  refused?: true;
}

/** The content files, by collection. Ids come from the paths: `documents/<doc>/index.md`, `documents/<doc>/v<version>.md`, `directions/<id>.md`. */
export interface SiteSources {
  documents: SourceFile[];
  versions: SourceFile[];
  directions: SourceFile[];
}

/** A path segment counted from the end (`-1` is the file name): ids and folders come from paths. */
export function segment(file: string, index: number): string {
  return file.split(/[\\/]/).at(index) ?? '';
}
