/** One page's outcome in a WCXB run, as a worker writes it (one JSON line). */
export interface WcxbRecord {
  id: string;
  /** Our engine: the default mode's verdict and the forced text (equal to the default's when it accepts). */
  ours: { isArticle: boolean; reason: string | null; pageType: string | null; text: string } | null;
  /** Plain Readability 0.6.0's text on the same DOM ('' when it found nothing). */
  readability: string | null;
  /** Exceptions, by who threw them: there should be none. */
  errors: string[];
  /** Our extraction's time in this worker (forced included), for spotting slow pages. */
  ms: number;
  /**
   * The language the page declares (`<html lang>`, else a `Content-Language` meta), its primary
   * subtag lower-cased; null when it declares none. Absent in records written before it was kept.
   */
  lang?: string | null;
}
