import type { Root } from 'mdast';

/** A place where the conversion was unsure, so a reviewer can check it against the source. */
export interface ImportNote {
  /** Where in the source: `page 3`, `paragraph 41 ("4.12A Where the…")`, `sheet "Matrix" row 7`. */
  where: string;
  message: string;
}

/** What the file says about itself (Word core properties, the PDF information dictionary). */
export interface SourceMetadata {
  title?: string;
  subject?: string;
  author?: string;
  /** Version as stored in the file's properties, if any. */
  version?: string;
  /** Creation and modification dates, `YYYY-MM-DD`. */
  created?: string;
  modified?: string;
}

/** A converted file: the text as an mdast tree, what the file says about itself, and every unsure place. */
export interface ConvertedDocument {
  format: 'docx' | 'pdf' | 'xlsx';
  tree: Root;
  metadata: SourceMetadata;
  notes: ImportNote[];
}
