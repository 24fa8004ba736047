/**
 * What a template package may use besides its own files, for an editor to complete: the helpers template.hbs can
 * call, the shared partials it can include (`{{> name}}`), and the shared fragments query.graphql can spread.
 *
 * @example
 * ```ts
 * const { helpers, partials } = registry.language;
 * helpers.includes('thaiDate') // true
 * partials.includes('signature') // true
 * ```
 */
export interface TemplateLanguage {
  /** The helpers' names, as template.hbs calls them ({{thaiDate date "full"}}). */
  readonly helpers: readonly string[];
  /** The shared partials' names, sorted ({{> signature signer}}). */
  readonly partials: readonly string[];
  /** The shared fragments' definitions, as GraphQL text. */
  readonly fragments: string;
  /** The faces template.json's "font" can name, each with its scale against TH SarabunPSK (official points). */
  readonly faces: readonly { readonly name: string; readonly scale: number }[];
}
