/**
 * What the PDF importer knows of a page once pdf.js has read it: positioned text runs, thin
 * drawn lines (rules, underlines, strike-throughs) and link areas. Coordinates are PDF user
 * space: points, origin at the bottom left, y growing upwards.
 */

/** A run of text on one baseline in one font. */
export interface PdfTextItem {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the height of the text). */
  size: number;
  bold: boolean;
  italic: boolean;
}

/** A thin drawn rectangle or line (height or width at most a couple of points). */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Colour as red, green, blue in 0–1. */
  color: [number, number, number];
}

/** An area of the page that is a link (annotation). */
export interface PdfArea {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One page. */
export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: PdfRule[];
  links: PdfArea[];
}
