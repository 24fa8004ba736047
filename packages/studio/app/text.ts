/** The studio's words, in Thai: every label the interface shows lives here. */
export const text = {
  studio: 'Saraban Studio',
  designer: 'ออกแบบแม่แบบ',
  documents: 'หนังสือ',
  newDocument: 'เขียนหนังสือ',
  templates: 'แม่แบบ',
  preview: 'ตัวอย่างก่อนพิมพ์',
  example: 'ข้อมูลตัวอย่าง',
  printing: 'กำลังพิมพ์…',
  printed: (pages: number, ms: number) => `${pages} หน้า · พิมพ์ใน ${ms} มิลลิวินาที`,
  problems: 'ข้อผิดพลาด',
  noProblems: 'ไม่พบข้อผิดพลาด',
  warningCount: (count: number) => `คำเตือน ${count} รายการ`,
  problemCount: (count: number) => `พบข้อผิดพลาด ${count} รายการ: ตัวอย่างแสดงฉบับล่าสุดที่พิมพ์ได้`,
  invalidExample: 'ข้อมูลตัวอย่างไม่ใช่ JSON ที่ถูกต้อง',
  failed: 'พิมพ์ไม่สำเร็จ',
  loading: 'กำลังโหลด…',
  graphiql: 'GraphiQL',
  chooseTemplate: 'เลือกแม่แบบทางซ้ายเพื่อแก้ไขและดูตัวอย่าง',
  // Layout panel
  layout: 'การจัดหน้า',
  page: 'หน้า',
  pageCount: (pages: number) => `${pages} หน้า`,
  typeSize: 'ขนาดตัวอักษร (พอยต์)',
  smallest: 'เล็กสุด',
  margins: 'ขอบ บน/ขวา/ล่าง/ซ้าย (ซม.)',
  brokenWords: 'คำถูกตัดข้ามบรรทัด',
  overflowing: 'ข้อความล้นช่อง',
  widows: 'บรรทัดเดี่ยวที่ต้นหรือท้ายหน้า',
  before: (value: string) => `ครั้งก่อน: ${value}`,
  layoutFailed: 'วัดการจัดหน้าไม่ได้',
  // Versions
  publish: 'เผยแพร่',
  publishNote: 'บันทึกการเปลี่ยนแปลง',
  publishedVersion: (version: number) => `ใช้งานฉบับที่ ${version}`,
  noDraft: 'ไม่มีร่าง',
  draftSaved: (revision: number) => `บันทึกร่างแล้ว (ครั้งที่ ${revision})`,
  savingDraft: 'กำลังบันทึกร่าง…',
  draftNotSaved: 'บันทึกร่างไม่สำเร็จ',
  staleDraft: 'มีผู้อื่นบันทึกร่างนี้ไปก่อนแล้ว: โหลดหน้าใหม่เพื่อดูฉบับล่าสุด (การแก้ไขของคุณยังไม่ถูกบันทึก)',
  publishing: 'กำลังตรวจและเผยแพร่…',
  published: (version: number) => `เผยแพร่เป็นฉบับที่ ${version} แล้ว`,
  rolledBack: (from: number, to: number) => `นำฉบับที่ ${from} กลับมาใช้เป็นฉบับที่ ${to} แล้ว`,
  history: 'ประวัติฉบับ',
  versionLabel: (version: number) => `ฉบับที่ ${version}`,
  fromFolder: 'นำเข้าจากโฟลเดอร์',
  fromStudio: 'เผยแพร่จากสตูดิโอ',
  compare: 'เทียบกับร่าง',
  rollback: 'ย้อนกลับไปใช้ฉบับนี้',
  noChanges: 'ไม่มีความแตกต่าง',
  // Staff forms
  noTemplates: 'ยังไม่มีแม่แบบ',
  add: 'เพิ่ม',
  remove: 'ลบ',
  moveUp: 'เลื่อนขึ้น',
  moveDown: 'เลื่อนลง',
  blockKind: 'ชนิดของย่อหน้า',
  day: 'วัน',
  month: 'เดือน',
  buddhistYear: 'ปี พ.ศ.',
  saveDraft: 'บันทึกร่าง',
  printPdf: 'พิมพ์ PDF',
  pdf: 'PDF',
  download: 'ดาวน์โหลด PDF',
  documentSaved: (version: number) => `บันทึกแล้ว (ฉบับที่ ${version})`,
  documentPrinted: (pages: number) => `พิมพ์แล้ว ${pages} หน้า`,
  staleDocument: 'มีผู้อื่นแก้ไขหนังสือนี้ไปก่อนแล้ว: โหลดใหม่แล้วแก้ไขอีกครั้ง',
  fixFields: 'โปรดแก้ไขช่องที่มีข้อความสีแดง',
  pickStored: 'เลือกจากที่บันทึกไว้',
  searchSubject: 'ค้นหาตามเรื่อง',
  searchOrganization: 'ค้นหาตามส่วนราชการ',
  allKinds: 'ทุกชนิด',
  dateFrom: 'ตั้งแต่วันที่',
  dateTo: 'ถึงวันที่',
  organization: 'ส่วนราชการ',
  editDocument: 'แก้ไขหนังสือ',
  documentVersion: (version: number) => `ฉบับที่ ${version}`,
  noDocument: 'ไม่พบหนังสือนี้',
  tooDeepToEdit:
    'หนังสือนี้มีรายการซ้อนกันลึกเกินกว่าที่แบบฟอร์มแสดงได้: แก้ไขผ่าน GraphQL API (updateDocument) เพื่อไม่ให้ข้อมูลส่วนที่ลึกกว่าสูญหาย',
  date: 'วันที่',
  kind: 'ชนิด',
  subject: 'เรื่อง',
  // Signing in
  signIn: 'เข้าสู่ระบบ',
  signOut: 'ออกจากระบบ',
  userName: 'ชื่อผู้ใช้',
  password: 'รหัสผ่าน',
  wrongPassword: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
  openMode: 'เปิดใช้โดยไม่มีบัญชีผู้ใช้: ทุกคนที่ใช้เครื่องนี้ทำได้ทุกอย่าง (เพิ่มผู้ใช้ด้วย saraban users add)',
  cannotEditTemplates: 'บทบาทของคุณแก้ไขแม่แบบไม่ได้: ต้องเป็นผู้ออกแบบแม่แบบหรือผู้ดูแลระบบ',
  cannotWriteDocuments: 'บทบาทของคุณเขียนหนังสือไม่ได้: ต้องเป็นเจ้าหน้าที่หรือผู้ดูแลระบบ',
  roles: { ADMIN: 'ผู้ดูแลระบบ', DESIGNER: 'ผู้ออกแบบแม่แบบ', STAFF: 'เจ้าหน้าที่', VIEWER: 'ผู้อ่าน' },
} as const;

/** Thai names of the kinds of document (DocumentKind). */
const KIND_LABELS: Record<string, string> = {
  MEMO: 'บันทึกข้อความ',
  EXTERNAL_LETTER: 'หนังสือภายนอก',
  INTERNAL_LETTER: 'หนังสือภายใน',
  ORDER: 'คำสั่ง',
  ANNOUNCEMENT: 'ประกาศ',
  REPORT: 'รายงาน',
};

/**
 * The Thai name of a kind of document; a kind the studio does not know shows as the schema names it.
 *
 * @example
 * kindLabel('MEMO') // 'บันทึกข้อความ'
 */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Thai labels of the DocumentInput fields people fill in; any other field shows its schema name. */
const FIELD_LABELS: Record<string, string> = {
  subject: 'เรื่อง',
  date: 'วันที่',
  bookNumber: 'ที่',
  recipient: 'เรียน',
  name: 'ชื่อ',
  class: 'ประเภทผู้รับ',
  organization: 'ส่วนราชการ',
  unit: 'หน่วยงาน',
  phone: 'โทรศัพท์',
  fax: 'โทรสาร',
  email: 'อีเมล',
  website: 'เว็บไซต์',
  addressLines: 'ที่อยู่',
  bookNumberPrefix: 'รหัสหนังสือ',
  body: 'ข้อความ',
  paragraph: 'ย่อหน้า',
  heading: 'หัวข้อ',
  list: 'รายการ',
  table: 'ตาราง',
  measureTable: 'ตารางมาตรการ',
  pageBreak: 'ขึ้นหน้าใหม่',
  image: 'รูปภาพ',
  chart: 'แผนภูมิ',
  qrCode: 'คิวอาร์โค้ด',
  text: 'ข้อความ',
  closing: 'คำลงท้าย',
  signer: 'ผู้ลงนาม',
  title: 'คำนำหน้า',
  givenName: 'ชื่อ',
  familyName: 'นามสกุล',
  positions: 'ตำแหน่ง',
  acting: 'รักษาราชการแทน',
  endorsements: 'การเสนอ/สั่งการ',
  opinion: 'ความเห็น',
  contact: 'ส่วนติดต่อ',
  references: 'อ้างถึง',
  enclosures: 'สิ่งที่ส่งมาด้วย',
  copiesTo: 'สำเนาส่ง',
  speed: 'ชั้นความเร็ว',
  secrecy: 'ชั้นความลับ',
  deadline: 'กำหนดเวลา',
  digitStyle: 'ตัวเลข',
  sections: 'ส่วน',
  annexes: 'ภาคผนวก',
  cover: 'ปก',
};

/**
 * The label of an input field: Thai where the studio knows the field, else its name in the schema.
 *
 * @example
 * fieldLabel('subject') // 'เรื่อง'
 */
export function fieldLabel(name: string): string {
  return FIELD_LABELS[name] ?? name;
}

/** Thai names of the units the API's range messages give. */
const UNIT_LABELS: Record<string, string> = { points: 'พอยต์', cm: 'ซม.', percent: 'เปอร์เซ็นต์' };

/** Thai names of what the API's limit messages count. */
const COUNTED_LABELS: Record<string, string> = { characters: 'ตัวอักษร', bytes: 'ไบต์' };

/**
 * The API's messages for problems at an input field (its contract with integrators, in English), each with its
 * Thai for staff, who read it at the field: the pattern is the message without the field's path.
 */
const PROBLEM_TEXTS: ReadonlyArray<readonly [RegExp, (...parts: string[]) => string]> = [
  [/^must not be empty$/, () => 'ต้องไม่เว้นว่าง'],
  [/^is required \(or give personId\)$/, () => 'ต้องกรอก หรือเลือกจากที่บันทึกไว้'],
  [/^give the header organization inline, or organizationId$/, () => 'ต้องกรอกส่วนราชการ หรือเลือกจากที่บันทึกไว้'],
  [/^there is no organization .+$/, () => 'ไม่พบส่วนราชการที่เลือกไว้ (อาจถูกลบไปแล้ว): เลือกใหม่'],
  [/^there is no person .+$/, () => 'ไม่พบบุคคลที่เลือกไว้ (อาจถูกลบไปแล้ว): เลือกใหม่'],
  [/^there is no font .+$/, () => 'ไม่พบแบบอักษรที่กำหนดไว้: อัปโหลดแบบอักษรก่อน'],
  [/^must be 1 or more; got (.+)$/, (got) => `ต้องเป็น 1 ขึ้นไป (กรอกไว้ ${got})`],
  [/^must be above 0$/, () => 'ต้องมากกว่า 0'],
  [/^must be (\S+) to (\S+)$/, (min, max) => `ต้องอยู่ระหว่าง ${min} ถึง ${max}`],
  [
    /^must be (\S+) to (\S+) (\S+) \(got (.+)\)$/,
    (min, max, unit, got) => `ต้องอยู่ระหว่าง ${min} ถึง ${max} ${UNIT_LABELS[unit] ?? unit} (กรอกไว้ ${got})`,
  ],
  [/^is (\S+) cm; give (\S+) to (\S+)$/, (size, min, max) => `ขนาด ${size} ซม.: ต้องอยู่ระหว่าง ${min} ถึง ${max} ซม.`],
  [/^is (\S+); give a percentage above 0, at most 100$/, (got) => `ต้องเป็นร้อยละที่มากกว่า 0 และไม่เกิน 100 (กรอกไว้ ${got})`],
  [/^is a percent of the table: at most 100$/, () => 'เป็นร้อยละของความกว้างตาราง: ไม่เกิน 100'],
  [
    /^give one of width, widthCm and share \(got (.+)\)$/,
    (got) => `กำหนดความกว้างได้แบบเดียว: width, widthCm หรือ share (กรอกไว้ ${got})`,
  ],
  [
    /^(\d+) (characters|bytes); the limit \((\w+)\) is (\d+)$/,
    (found, what, _name, limit) => {
      const counted = COUNTED_LABELS[what] ?? what;
      return `ยาวเกินกำหนด: ${found} ${counted} (ไม่เกิน ${limit} ${counted})`;
    },
  ],
  [/^give at least one line of title$/, () => 'ต้องมีชื่อเรื่องอย่างน้อยหนึ่งบรรทัด'],
  [
    /^span (\d+) columns; the table has (\d+)$/,
    (spanned, columns) => `เซลล์รวมกัน ${spanned} คอลัมน์ แต่ตารางมี ${columns} คอลัมน์`,
  ],
  [/^give text or blocks, not both$/, () => 'กรอกข้อความหรือย่อหน้าย่อยอย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง'],
  [/^give (\w+) or (\w+), not both$/, (one, other) => `กรอก ${one} หรือ ${other} อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง`],
  [/^give (\w+) as lines or as items, not both$/, (field) => `กรอก ${field} เป็นบรรทัดหรือเป็นรายการอย่างใดอย่างหนึ่ง`],
  [/^only a CHECKBOX list has boxes to tick$/, () => 'มีช่องให้ติ๊กได้เฉพาะรายการแบบช่องติ๊ก (CHECKBOX)'],
  [/^give true for a page break$/, () => 'ติ๊กเพื่อขึ้นหน้าใหม่'],
  [
    /^a CUSTOM column needs its label and the key of the texts it shows$/,
    () => 'คอลัมน์แบบ CUSTOM ต้องมีหัวคอลัมน์และคีย์ของข้อความที่แสดง',
  ],
  [/^the key "(.*)" is given twice$/, (key) => `คีย์ "${key}" ซ้ำกัน`],
  [/^give both start and end, or neither$/, () => 'กรอกทั้งวันเริ่มและวันสิ้นสุด หรือไม่กรอกทั้งคู่'],
  [/^give start and end, or text$/, () => 'กรอกวันเริ่มและวันสิ้นสุด หรือข้อความระบุช่วงเวลา'],
  [/^start is after end$/, () => 'วันเริ่มอยู่หลังวันสิ้นสุด'],
  [/^a span gives both from and to$/, () => 'ช่วงเวลาต้องมีทั้งวันเริ่มและวันสิ้นสุด'],
  [/^is not base64 image data$/, () => 'ไม่ใช่ข้อมูลรูปภาพ'],
  [/^is not a (\S+) image$/, (type) => `ไม่ใช่รูปภาพ ${type}`],
  [/^must be one of (.+)$/, (choices) => `ต้องเป็นหนึ่งใน ${choices}`],
];

/**
 * A problem the API found at an input field, in Thai for the staff who read it at the field; a message the studio
 * does not know shows as the API gave it.
 *
 * @example
 * fieldProblem('must be 1 or more; got 0') // 'ต้องเป็น 1 ขึ้นไป (กรอกไว้ 0)'
 */
export function fieldProblem(message: string): string {
  for (const [pattern, thai] of PROBLEM_TEXTS) {
    const found = pattern.exec(message);
    if (found) return thai(...found.slice(1));
  }
  return message;
}
