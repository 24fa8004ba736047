import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coerceInputValue, type GraphQLInputType, print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ASSET_ORIGIN,
  type LoadedTemplate,
  loadTemplates,
  pageFontsFromFiles,
  TemplateError,
  type TemplateRegistry,
} from '../src/index.js';
import { queryResult, readExample, schema, templatesDir, withoutBreakMarks } from './document-fixture.js';

describe('loadTemplates on the real templates directory', () => {
  let registry: TemplateRegistry;
  beforeAll(async () => {
    registry = await loadTemplates({ dir: templatesDir, schema });
  });

  it('loads the memo with no problems', () => {
    expect(registry.problems.map((problem) => problem.message)).toEqual([]);
    const memo = registry.get('memo');
    expect(memo).toMatchObject({ name: 'memo', title: 'บันทึกข้อความ', kind: 'MEMO', paper: 'A4' });
    expect(registry.list().map((template) => template.name)).toContain('memo');
  });

  it("appends exactly the shared fragments the memo's query uses", () => {
    const query = print(registry.get('memo')?.query ?? ({ kind: 'Document', definitions: [] } as never));
    for (const fragment of ['BlockFields', 'BlockFields4', 'LeafBlockFields', 'SignerFields', 'EndorsementFields']) {
      expect(query).toContain(`fragment ${fragment} on`);
    }
    // Declared in _shared but unused by the memo: appending it would fail validation.
    expect(query).not.toContain('fragment OrganizationAddress');
  });

  it('has examples that are valid DocumentInput values', () => {
    const documentInput = schema.getType('DocumentInput') as GraphQLInputType;
    for (const name of ['seed-memo', 'short-memo']) {
      const errors: string[] = [];
      coerceInputValue(readExample('memo', name), documentInput, (path, _value, error) =>
        errors.push(`${path.join('.')}: ${error.message}`),
      );
      expect(errors, name).toEqual([]);
    }
  });
});

describe('loadTemplates refuses broken templates with file, line and column', () => {
  let registry: TemplateRegistry;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-templates-'));
    for (const name of ['memo', 'broken-syntax', 'missing-field', 'unknown-partial']) {
      await cp(join(templatesDir, 'memo'), join(dir, name), { recursive: true });
      const manifest = JSON.parse(await readFile(join(dir, name, 'template.json'), 'utf8'));
      await writeFile(join(dir, name, 'template.json'), JSON.stringify({ ...manifest, name }));
    }
    await writeFile(
      join(dir, 'broken-syntax', 'template.hbs'),
      '<h1>บันทึกข้อความ</h1>\n{{#with document}}\n  <p>{{subject}</p>\n{{/with}}\n',
    );
    await writeFile(
      join(dir, 'missing-field', 'query.graphql'),
      'query Memo($id: ID!) {\n  document(id: $id) {\n    subject\n      colour\n  }\n}\n',
    );
    await writeFile(
      join(dir, 'unknown-partial', 'template.hbs'),
      '{{#with document}}\n  {{> signatur signer}}\n{{/with}}\n',
    );
    registry = await loadTemplates({ dir, sharedDir: join(templatesDir, '_shared'), schema });
  });

  function problemOf(template: string): TemplateError {
    const problem = registry.problems.find((candidate) => candidate.template === template);
    if (!problem) throw new Error(`no problem reported for ${template}`);
    return problem;
  }

  it('reports a Handlebars syntax error in template.hbs at its line and column', () => {
    const problem = problemOf('broken-syntax');
    expect(problem).toBeInstanceOf(TemplateError);
    expect(problem.file).toMatch(/broken-syntax\/template\.hbs$/);
    // "{{subject}" ends with one brace: the parser stops at the lone "}" (line 3, column 15).
    expect([problem.line, problem.column]).toEqual([3, 15]);
    expect(problem.message).toMatch(/template\.hbs:3:15: Parse error/);
  });

  it('reports a field the schema lacks in query.graphql at its line and column', () => {
    const problem = problemOf('missing-field');
    expect(problem.file).toMatch(/missing-field\/query\.graphql$/);
    expect([problem.line, problem.column]).toEqual([4, 7]);
    expect(problem.message).toContain('Cannot query field "colour" on type "Document"');
  });

  it('reports a partial that does not exist', () => {
    const problem = problemOf('unknown-partial');
    expect(problem.file).toMatch(/unknown-partial\/template\.hbs$/);
    expect([problem.line, problem.column]).toEqual([2, 3]);
    expect(problem.reason).toBe('Unknown partial "signatur"');
  });

  it('still loads the good template beside them', () => {
    expect(registry.list().map((template) => template.name)).toEqual(['memo']);
    expect(registry.problems).toHaveLength(3);
  });
});

describe('rendering the memo', () => {
  let memo: LoadedTemplate;
  beforeAll(async () => {
    const registry = await loadTemplates({ dir: templatesDir, schema });
    const loaded = registry.get('memo');
    if (!loaded) throw new Error(registry.problems.join('\n'));
    memo = loaded;
  });

  /** The page, its HTML without the line-break marks (tested on their own below). */
  async function render(input: Record<string, unknown>, digitStyle: 'THAI' | 'ARABIC' = 'THAI') {
    const page = memo.render(await queryResult(memo.query, input), { digitStyle });
    return { ...page, html: withoutBreakMarks(page.html) };
  }

  it('keeps Thai words, addresses, numbers, พ.ศ. with its year and a day with its month on one line, adding no character', async () => {
    const input = readExample('memo', 'short-memo');
    const text = 'ประจำปีงบประมาณ พ.ศ. 2566 ลงวันที่ 14 เมษายน ที่ https://www.lamphunpao.go.th/ita/2566 (ข้อ O1 - O16)';
    const page = memo.render(await queryResult(memo.query, { ...input, body: [{ paragraph: { text } }] }), {
      digitStyle: 'THAI',
    });
    // ประจำปีงบประมาณ: ICU (Chromium's dictionary) finds ประจำ|ปีงบประมาณ, libthai's none.
    expect(page.html).toContain(
      '<nobr>ประจำปีงบประมาณ</nobr> <nobr>พ.ศ. ๒๕๖๖</nobr> ลงวันที่ <nobr>๑๔ เมษายน</nobr> ที่ ' +
        '<span class="address"><nobr>https://www.lamphunpao.go.th/<wbr>ita/<wbr>2566</nobr></span> (ข้อ O๑ <nobr>- O๑๖)</nobr>',
    );
    // The title is left as it is.
    expect(page.html).toMatch(/<title>[^<]*<\/title>/);
  });

  it('prints every part of the seed memo', async () => {
    const page = await render(readExample('memo', 'seed-memo'));
    const text = page.html.replace(/<[^>]+>/g, '');
    for (const part of [
      'บันทึกข้อความ',
      'กองการเจ้าหน้าที่ องค์การบริหารส่วนจังหวัดลำพูน โทร. ๑๑๐',
      'ลพ ๕๑๐๐๙ / -',
      '๑๔ เมษายน ๒๕๖๖',
      'การรายงานผลการดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล',
      'เรียน นายกองค์การบริหารส่วนจังหวัดลำพูน',
      'ข้อเสนอเพื่อพิจารณา',
      '(นายพิชัย จาอาบาล)',
      'รองปลัดองค์การบริหารส่วนจังหวัด รักษาราชการแทน',
      '๒๕ มิ.ย. ๒๕๖๖',
      'รองนายกองค์การบริหารส่วนจังหวัด ปฏิบัติราชการแทน',
      '๒๖ มิ.ย. ๒๕๖๖',
      'www.lamphunpao.go.th',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/\(๒\)<?\s*รายละเอียดงบประมาณ/);
    expect(page.title).toBe('การรายงานผลการดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล');
  });

  it('escapes data: markup typed into a field prints as text', async () => {
    const input = readExample('memo', 'short-memo');
    const page = await render({
      ...input,
      subject: '<b>x</b> & "y"',
      body: [{ paragraph: { text: '<script>alert(1)</script> **ตัวหนา**' } }],
    });
    expect(page.html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; ');
    expect(page.html).not.toContain('<b>x</b>');
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('&lt;script&gt;alert(๑)&lt;/script&gt; <strong>ตัวหนา</strong>');
  });

  it('prints Thai digits in text, but not in URLs, e-mail addresses, literals or attributes', async () => {
    const page = await render(readExample('memo', 'short-memo'));
    expect(page.html).toContain('ไตรมาสที่ ๑ (ตุลาคม - ธันวาคม ๒๕๖๖)');
    expect(page.html).toContain('๑๒,๕๐๐ บาท');
    expect(page.html).toContain('https://www.lamphunpao.go.th/uploads/report/2566/q1.pdf');
    expect(page.html).toContain('plan2024@lamphunpao.go.th');
    expect(page.html).toContain('<span data-digits="keep">แบบ สขร.1</span>');
    expect(page.html).toContain('ลพ ๕๑๐๐๓/๒๑๕');
    expect(page.html).toContain('@font-face');
    expect(page.html).toContain('font-weight: 700');
  });

  it("turns the template's Thai digits into Arabic for an ARABIC document", async () => {
    const input = readExample('memo', 'seed-memo');
    const page = await render({ ...input, digitStyle: 'ARABIC' }, 'ARABIC');
    expect(page.html).toContain('14 เมษายน 2566');
    expect(page.html).toContain('ลพ 51009 / -');
    expect(page.html).toContain('25 มิ.ย. 2566');
    const withoutStyles = page.html.replace(/<style>[\s\S]*?<\/style>/g, '');
    expect(withoutStyles).not.toMatch(/[\u0E50-\u0E59]/);
    expect(page.html).toContain('system: extends decimal');
  });

  it('serves the fonts and the placeholder emblem from the asset map, and nothing else', async () => {
    const page = await render(readExample('memo', 'short-memo'));
    for (const subset of ['thai', 'latin']) {
      for (const weight of [400, 700]) {
        const font = page.assets.get(`${ASSET_ORIGIN}/fonts/sarabun-${subset}-${weight}-normal.woff2`);
        expect(font?.contentType).toBe('font/woff2');
        expect(font?.body.length).toBeGreaterThan(1000);
      }
    }
    const urls = [...page.html.matchAll(/(?:src=["']?|url\()([^"')\s>]+)/g)].map((match) => match[1]);
    expect(urls).toContain(`${ASSET_ORIGIN}/shared/garuda-placeholder.svg`);
    for (const url of urls) expect(page.assets.has(url ?? ''), url).toBe(true);
  });

  it("prints in a supplied face instead of the template's own, its bold left for Chromium when missing", async () => {
    const regular = { mediaType: 'font/ttf', body: await readFile('/usr/share/fonts/truetype/tlwg/Laksaman.ttf') };
    const fonts = await pageFontsFromFiles({ id: 'abc', regular });
    const input = await queryResult(memo.query, readExample('memo', 'short-memo'));
    const page = memo.render(input, { digitStyle: 'THAI', fonts });
    // The fallback face (symbols the face lacks) comes along on every page; besides it, only the supplied face.
    const fallback = (url: string) => url.includes('/fonts/noto-sans-symbols-2-');
    expect([...page.assets.keys()].filter(fallback)).toHaveLength(2);
    expect([...page.assets.keys()].filter((url) => url.includes('/fonts/') && !fallback(url))).toEqual([
      `${ASSET_ORIGIN}/fonts/supplied/abc-400`,
    ]);
    // Scaled to TH SarabunPSK points by its own metrics: Laksaman is TH Sarabun New enlarged 150.42 %.
    expect(page.html).toContain(`url(${ASSET_ORIGIN}/fonts/supplied/abc-400) format('truetype'); size-adjust: 66.4`);
    expect(page.html).not.toContain('sarabun');
    // The same face object gives the same asset map: the render cache hashes it once.
    expect(memo.render(input, { digitStyle: 'THAI', fonts }).assets).toBe(page.assets);
    await expect(
      pageFontsFromFiles({ id: 'x', regular: { mediaType: 'image/png', body: regular.body } }),
    ).rejects.toThrow('media type image/png is not one of font/ttf, font/otf, font/woff, font/woff2');
  });

  it("prints the organization's emblem from its data: URL instead of the placeholder", async () => {
    const input = readExample('memo', 'short-memo');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>').toString('base64');
    const page = await render({
      ...input,
      organization: { ...(input.organization as object), emblem: { mediaType: 'image/svg+xml', base64: svg } },
    });
    // Handlebars escapes "=" in attribute values; the browser reads it back.
    expect(page.html).toContain(`src="data:image/svg+xml;base64,${svg.replaceAll('=', '&#x3D;')}"`);
    expect(page.html).not.toContain('garuda-placeholder.svg');
  });

  it('prints the speed mark and the secrecy mark', async () => {
    const input = readExample('memo', 'short-memo');
    const page = await render({ ...input, speed: 'MOST_URGENT', secrecy: 'CONFIDENTIAL' });
    expect(page.html).toContain('<div class="speed-mark">ด่วนที่สุด');
    // In the page's margin boxes, so on every page.
    expect(page.html).toContain('@top-left { content: "ลับ"; }');
    expect(page.html).toContain('@bottom-center { content: "ลับ"; }');
  });
});

describe('TemplateRegistry.compile: a package from files in memory, as the studio edits it', () => {
  let registry: TemplateRegistry;
  beforeAll(async () => {
    registry = await loadTemplates({ dir: templatesDir, schema });
  });

  it('compiles the files a template was loaded from, which include its examples', async () => {
    const memo = registry.get('memo') as LoadedTemplate;
    expect(Object.keys(memo.files)).toEqual(
      expect.arrayContaining([
        'template.json',
        'template.hbs',
        'style.css',
        'query.graphql',
        'examples/short-memo.json',
      ]),
    );
    const compiled = await registry.compile('memo', memo.files);
    expect(compiled.problems).toEqual([]);
    const template = compiled.template as LoadedTemplate;
    const page = template.render(await queryResult(template.query, readExample('memo', 'short-memo')), {
      digitStyle: 'THAI',
    });
    expect(page.html).toContain('ขออนุมัติเผยแพร่รายงานผลการดำเนินงาน');
  });

  it('reports a problem in each broken file at once, named as in the package, and leaves the registry as it was', async () => {
    const memo = registry.get('memo') as LoadedTemplate;
    const files = {
      ...memo.files,
      'template.json': memo.files['template.json']?.replace('"A4"', '"A3"') ?? '',
      'template.hbs': `${memo.files['template.hbs']}\n{{#if subject}}`,
      'query.graphql': memo.files['query.graphql']?.replace('...DocumentFields', '...DocumentFields subjekt') ?? '',
    };
    const compiled = await registry.compile('memo', files);
    expect(compiled.template).toBeUndefined();
    expect(compiled.problems.map((problem) => problem.file)).toEqual([
      'template.json',
      'template.hbs',
      'query.graphql',
    ]);
    const hbsLines = files['template.hbs'].split('\n').length;
    expect(compiled.problems[1]).toMatchObject({ line: hbsLines, reason: expect.stringContaining('Parse error') });
    expect(compiled.problems[2]?.reason).toContain('subjekt');
    expect(registry.get('memo')).toBe(memo);
  });

  it('names a missing file', async () => {
    const { 'style.css': _style, ...files } = (registry.get('memo') as LoadedTemplate).files;
    const compiled = await registry.compile('memo', files);
    expect(compiled.problems.map((problem) => problem.message)).toEqual([
      'style.css:1:1: Missing style.css: a template package has it',
    ]);
  });
});
