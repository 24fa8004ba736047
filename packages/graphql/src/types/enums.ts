import { builder } from '../builder.js';

export const DocumentKindEnum = builder.enumType('DocumentKind', {
  description: 'The kind of official document; each kind has a default template.',
  values: {
    MEMO: { description: 'บันทึกข้อความ: the memo, a form of internal letter, on memo paper.' },
    EXTERNAL_LETTER: { description: 'หนังสือภายนอก: a letter to another agency or a person, on Garuda paper.' },
    INTERNAL_LETTER: { description: 'หนังสือภายใน: a letter inside one agency, on Garuda paper.' },
    ANNOUNCEMENT: { description: 'ประกาศ: an announcement.' },
    ORDER: { description: 'คำสั่ง: an order.' },
    REPORT: {
      description: 'A titled document of body blocks only: progress, score and calendar tables, measure reports.',
    },
  } as const,
});

export const DigitStyleEnum = builder.enumType('DigitStyle', {
  description: 'Which digits the document prints everywhere: numbers, dates, page numbers, list markers, free text.',
  values: {
    THAI: { description: 'Thai digits ๐–๙, the default in official documents.' },
    ARABIC: { description: 'Arabic digits 0–9.' },
  } as const,
});

export const RecipientClassEnum = builder.enumType('RecipientClass', {
  description: 'Who the document is addressed to; chooses the salutation and the closing.',
  values: {
    GENERAL: { description: 'เรียน … ขอแสดงความนับถือ: almost everyone.' },
    HIGHEST: { description: 'กราบเรียน … ขอแสดงความนับถืออย่างยิ่ง: the highest offices.' },
    MONK: { description: 'นมัสการ … ขอนมัสการด้วยความเคารพ: monks.' },
  } as const,
});

export const SpeedMarkEnum = builder.enumType('SpeedMark', {
  description: 'ชั้นความเร็ว: the speed mark, printed red and large.',
  values: {
    MOST_URGENT: { description: 'ด่วนที่สุด' },
    VERY_URGENT: { description: 'ด่วนมาก' },
    URGENT: { description: 'ด่วน' },
  } as const,
});

export const SecrecyMarkEnum = builder.enumType('SecrecyMark', {
  description: 'ชั้นความลับ: the secrecy mark, printed red at the top and bottom of every page.',
  values: {
    TOP_SECRET: { description: 'ลับที่สุด' },
    SECRET: { description: 'ลับมาก' },
    CONFIDENTIAL: { description: 'ลับ' },
  } as const,
});

export const ActingKindEnum = builder.enumType('ActingKind', {
  description: "How a signer acts for another position; printed after the signer's own position.",
  values: {
    ON_BEHALF: { description: 'ปฏิบัติราชการแทน: delegated by order.' },
    ACTING_FOR: { description: 'รักษาราชการแทน: the post is vacant or its holder cannot act.' },
    ACTING_IN_POSITION: { description: 'รักษาการในตำแหน่ง: holds the position in an acting capacity.' },
  } as const,
});

export const ListStyleEnum = builder.enumType('ListStyle', {
  description: 'How list items are numbered.',
  values: {
    DOT: { description: '๑. ๒. ๓.' },
    PAREN: { description: '๑) ๒) ๓)' },
    PARENS: { description: '(๑) (๒) (๓)' },
    OUTLINE: { description: 'Numbered from the enclosing items: ๑.๑, ๑.๒, and ๑.๑.๑ one level deeper.' },
    DASH: { description: '- for every item.' },
    NONE: { description: 'No marker.' },
    CHECKBOX: {
      description:
        'A box for each item, ticked when the item is checked (☐ ☑), drawn as vector marks: no font of the document has the characters.',
    },
  } as const,
});

export const ColumnAlignEnum = builder.enumType('ColumnAlign', {
  description: 'How text lines up in a table column.',
  values: {
    LEFT: { description: 'Flush left.' },
    CENTER: { description: 'Centred.' },
    RIGHT: { description: 'Flush right, for amounts.' },
  } as const,
});
