/**
 * The one error an import stops with: the file cannot be read, is of the wrong type, is
 * encrypted, empty, or shows change marks. Its message says what is wrong and what to do, and
 * nothing is written when it is thrown.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}
