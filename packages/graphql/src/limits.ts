/** The bounds on what one request or document may hold; each gives a clear error, naming it, when hit. */
export const limits = {
  /** Blocks in one document, nested ones, list items and table cells included. */
  blocks: 20_000,
  /** How deep blocks nest: a block in a list item or a table cell is one deeper than the list or table. */
  blockDepth: 10,
  /** Characters of a one-line text: the subject, a name, a book number, an address line. */
  lineChars: 1_000,
  /** Characters of one running text: a paragraph, a heading, a list item, a cell, an opinion. */
  textChars: 100_000,
  /** Characters of all the text in one document together (an emblem image not counted: it has its own limit). */
  documentChars: 1_000_000,
  /** Bytes of one emblem image, decoded. */
  emblemBytes: 1_000_000,
  /** Media types an emblem may have. */
  emblemMediaTypes: ['image/png', 'image/jpeg', 'image/svg+xml'],
  /** Pixels of an emblem's PNG or JPEG (width times height): printed 3 cm wide, 1,000 pixels a side is 850 dpi. */
  emblemPixels: 4_000_000,
  /**
   * Elements one SVG image draws (an emblem, an image block), each `<use>` or `url(#…)` reference counting what it
   * points to again: a few nested references draw billions and held a browser tab for 30 s.
   */
  svgElements: 10_000,
  /** Bytes of one image block's image, decoded. */
  imageBytes: 2_000_000,
  /** Pixels of one image block's PNG or JPEG (width times height): 24 MP is an A4 page at 600 dpi. */
  imagePixels: 24_000_000,
  /** Printed sizes of a QR code block, in centimetres: smaller does not scan, larger wastes the page. */
  qrCodeCm: { min: 1.5, max: 10 },
  /** Categories of one chart, and series of one chart: beyond these no label can be read. */
  chartCategories: 40,
  chartSeries: 8,
  /** Documents in one batch job (renderBatch). */
  batchDocuments: 10_000,
  /**
   * Documents waiting in the batch jobs of one server, not yet finished: past this, renderBatch answers that the
   * queue is full (HTTP 429) until jobs finish.
   */
  queuedDocuments: 20_000,
  /** Bytes of one font file (createFont's regular or bold). */
  fontFileBytes: 10 * 1024 * 1024,
  /**
   * Bytes a font file's tables may take once decompressed, as its WOFF or WOFF2 header declares them (checked before
   * decompressing): a face with Thai and Latin takes a few MB; a 1.7 kB WOFF2 declaring 700 MB cost 3.2 s.
   */
  fontTableBytes: 32 * 1024 * 1024,
  /** Megabytes of heap the thread reading one uploaded font file may use. */
  fontCheckMemoryMb: 256,
  /** Milliseconds reading one uploaded font file may take. */
  fontCheckMs: 10_000,
  /**
   * Bytes of one uploaded file the server reads at most: it stops reading a larger upload and refuses the request,
   * so a huge upload never sits in memory. Files between fontFileBytes and this get an error naming the argument.
   */
  uploadBytes: 20 * 1024 * 1024,
  /**
   * Bytes of one request body, whatever it holds: a document at its limits (a million characters, images) is far
   * under it, as are createFont's two largest files.
   */
  requestBytes: 24 * 1024 * 1024,
  /** Tokens in one GraphQL operation: names, punctuation, values. Bounds the parser's work. */
  queryTokens: 5_000,
  /**
   * How deep brackets nest in one request: in the operation (selections, fragments, list and object values) and in
   * its variables. Checked before GraphQL's parser and its coercion of variables, which recurse and would
   * overflow the stack on a request nested a few thousand deep.
   */
  queryNesting: 100,
  /** How deep one operation's selections nest. */
  queryDepth: 20,
  /** Aliases in one operation: each alias runs its field again. */
  queryAliases: 30,
  /** Directives in one operation. */
  queryDirectives: 50,
  /**
   * The cost of one operation: every field costs 1, and what is selected under a list costs as many times as the
   * list may hold (its `limit` argument, or 10 for lists without one).
   */
  queryCost: 50_000,
  /**
   * Sign-in attempts for one user name within attemptWindowSeconds, from any address; a successful one clears the
   * count. Past it, the name is refused (TOO_MANY_ATTEMPTS, HTTP 429) before its password is checked, the right
   * one too, until the window has passed: online guessing gets 10 tries per quarter hour.
   */
  signInAttempts: 10,
  /**
   * Failed sign-ins (any names) and unknown API tokens from one client address within attemptWindowSeconds. Past it,
   * that address's sign-ins and API tokens are refused (TOO_MANY_ATTEMPTS, HTTP 429) until the window has passed.
   */
  addressFailures: 100,
  /** The window sign-in attempts and failures are counted in, in seconds, from the first one. */
  attemptWindowSeconds: 900,
  /** A table's text size in official points: from footnote size to a heading's. */
  tableTextSize: { min: 8, max: 32 },
  /** A heading's size in official points: from the body's smallest to a cover title's. */
  headingSize: { min: 8, max: 40 },
  /** A cell's padding on any side, in centimetres. */
  cellPaddingCm: 2,
  /** A table's width in centimetres: A3 landscape's text column is under 40 cm. */
  tableWidthCm: 40,
} as const;

/** The name of one of the {@link limits} that is a number. */
export type LimitName = {
  [Name in keyof typeof limits]: (typeof limits)[Name] extends number ? Name : never;
}[keyof typeof limits];
