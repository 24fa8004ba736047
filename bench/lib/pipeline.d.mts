// Types of the pipeline helpers the end-to-end tests share with the bench (the bench itself is plain JavaScript).

/** A DocumentInput as a JSON object. */
type DocumentInputJson = { body: Array<Record<string, unknown>> } & Record<string, unknown>;

/** The measure report example as a DocumentInput. */
export function measureReportExample(): Promise<DocumentInputJson>;

/** A measure report whose table holds the example's measures cycled to `measures` measures, five to a group. */
export function repeatedMeasures(input: DocumentInputJson, measures: number): DocumentInputJson;
