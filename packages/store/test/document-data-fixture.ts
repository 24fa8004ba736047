import type { DocumentData } from '../src/index.js';

/**
 * A whole memo's content with `changes` laid over it: the store keeps DocumentData, and these tests only need it to
 * come back as it went in.
 */
export function memoData(changes: Partial<DocumentData> = {}): DocumentData {
  return {
    kind: 'MEMO',
    template: 'memo',
    organizationId: null,
    organization: {
      name: 'องค์การบริหารส่วนจังหวัดลำพูน',
      unit: null,
      bookNumberPrefix: null,
      addressLines: [],
      phone: null,
      fax: null,
      email: null,
      website: null,
      fontId: null,
      emblem: null,
    },
    bookNumber: null,
    date: '2026-11-22',
    subject: 'ขออนุมัติจัดซื้อวัสดุสำนักงาน',
    recipient: { name: 'นายกองค์การบริหารส่วนจังหวัดลำพูน', class: 'GENERAL' },
    references: [],
    enclosures: [],
    speed: null,
    deadline: null,
    secrecy: null,
    body: [
      { type: 'paragraph', text: 'ด้วย **กองการเจ้าหน้าที่** มีความประสงค์', indent: true },
      { type: 'list', style: 'DOT', start: 1, outlinePrefix: [], items: [{ text: 'กระดาษ A4 `80` แกรม', blocks: [] }] },
      { type: 'table', columns: [{ label: 'รายการ', width: null, align: 'LEFT' }], headerRows: [], rows: [] },
    ],
    closing: null,
    signer: null,
    endorsements: [],
    contact: null,
    copiesTo: [],
    digitStyle: 'THAI',
    ...changes,
  };
}
