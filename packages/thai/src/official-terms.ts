/**
 * Words of official correspondence that libthai's dictionary lacks, so its segmentation would let a line break
 * inside them (กราบ|เรียน, ประจำ|ปีงบประมาณ's ปี|งบ). Each is one word on a line: Word and a clerk keep it whole.
 * Added to the dictionary that thaiWordBreaks (thai-word-breaks.ts) cuts Thai text with.
 */
export const OFFICIAL_TERMS: readonly string[] = [
  'กราบเรียน',
  'กราบเรียนเชิญ',
  'ปีงบประมาณ',
  'ประจำปี',
  'ผู้อำนวยการ',
  'ผู้มีส่วนได้ส่วนเสีย',
  'มีส่วนได้ส่วนเสีย',
  'ส่วนได้ส่วนเสีย',
  'ปฏิบัติราชการ',
  'รักษาราชการ',
  'ส่วนราชการ',
  'บันทึกข้อความ',
  'ข้อเสนอ',
  'คณะกรรมการ',
  'เทศบาลนคร',
  'นายกรัฐมนตรี',
  'ดำเนินการ',
  'ใช้จ่าย',
  'ดำเนินงาน',
  'ภาครัฐ',
  'หน่วยงาน',
  'ขอแสดงความนับถือ',
  'ไปรษณีย์อิเล็กทรอนิกส์',
  'เว็บไซต์',
  'ฯพณฯ',
];
