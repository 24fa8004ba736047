/** The bounds on what one document may hold; each gives a clear error when hit. */
export const limits = {
  /** Blocks in one document, nested ones included. */
  blocks: 20_000,
  /** Bytes of one emblem image, decoded. */
  emblemBytes: 1_000_000,
  /** Media types an emblem may have. */
  emblemMediaTypes: ['image/png', 'image/jpeg', 'image/svg+xml'],
} as const;
