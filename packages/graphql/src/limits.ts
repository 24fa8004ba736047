/** The bounds on what one document may hold; each gives a clear error when hit. */
export const limits = {
  /** Blocks in one document, nested ones included. */
  blocks: 20_000,
  /** Bytes of one emblem image, decoded. */
  emblemBytes: 1_000_000,
  /** Media types an emblem may have. */
  emblemMediaTypes: ['image/png', 'image/jpeg', 'image/svg+xml'],
  /** Bytes of one image block's image, decoded. */
  imageBytes: 2_000_000,
  /** Pixels of one image block's PNG or JPEG (width times height): 24 MP is an A4 page at 600 dpi. */
  imagePixels: 24_000_000,
  /** Printed sizes of a QR code block, in centimetres: smaller does not scan, larger wastes the page. */
  qrCodeCm: { min: 1.5, max: 10 },
  /** Categories of one chart, and series of one chart: beyond these no label can be read. */
  chartCategories: 40,
  chartSeries: 8,
  /** Bytes of one font file (createFont's regular or bold). */
  fontFileBytes: 10 * 1024 * 1024,
  /**
   * Bytes of one uploaded file the server reads at most: it stops reading a larger upload and refuses the request,
   * so a huge upload never sits in memory. Files between fontFileBytes and this get an error naming the argument.
   */
  uploadBytes: 20 * 1024 * 1024,
} as const;
