/**
 * Export of a district's organisation data, and the empty templates, in the import's own sheets and
 * headers: what is exported imports back without a change. Rows stream out page by page.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { spreadsheetSafe } from '../../policy/spreadsheet.js';
import type { Db } from '../../prisma/client.js';
import { formatCell, type Language } from './cells.js';
import { storedSchool } from './check-import.js';
import { ENTITIES, ENTITY_KEYS, ROLES, type AnyEntitySpec, type EntityKey, type FieldValue, type OfficialView, type TeacherView, type Views } from './entities.js';
import { isoDate } from './plan.js';

export type CsvEncoding = 'utf8' | 'gb18030';
type AnyView = Views[EntityKey];
/** Templates pass an empty array. */
type Rows = AsyncIterable<AnyView> | Iterable<AnyView>;

const PAGE = 5000;

export function sheetName(entity: EntityKey, lang: Language): string {
  return lang === 'zh' ? ENTITIES[entity].sheetZh : ENTITIES[entity].sheetEn;
}

/** The rows of one entity in a district, in key order. */
export async function* exportRows(db: Db, districtId: string, entity: EntityKey): AsyncGenerator<AnyView> {
  const schoolCodes = new Map((await db.school.findMany({ where: { districtId }, select: { id: true, code: true } })).map((s) => [s.id, s.code]));
  switch (entity) {
    case 'groups':
      for (const g of await db.educationGroup.findMany({ where: { districtId }, orderBy: { code: 'asc' } })) yield { code: g.code, name: g.name, kind: g.kind, tier: g.tier };
      return;
    case 'schools': {
      const groupCodes = new Map((await db.educationGroup.findMany({ where: { districtId }, select: { id: true, code: true } })).map((g) => [g.id, g.code]));
      for (const s of await db.school.findMany({ where: { districtId }, include: { campuses: { select: { name: true } } }, orderBy: { code: 'asc' } })) yield storedSchool(s, groupCodes);
      return;
    }
    case 'teachers':
      for (let after: string | undefined; ; ) {
        const page = await db.teacher.findMany({ where: { homeSchool: { districtId }, ...(after ? { staffNo: { gt: after } } : {}) }, orderBy: { staffNo: 'asc' }, take: PAGE });
        for (const t of page) yield teacherView(t, schoolCodes);
        if (page.length < PAGE) return;
        after = page[page.length - 1]!.staffNo;
      }
    case 'officials': {
      const officials = await db.official.findMany({ where: { OR: [{ unit: { districtId } }, { school: { districtId } }] }, include: { unit: { select: { code: true } } }, orderBy: { login: 'asc' } });
      for (const o of officials) yield officialView(o, schoolCodes);
      return;
    }
  }
}

function teacherView(t: { staffNo: string; name: string; homeSchoolId: string; currentSchoolId: string; joinedGroupOn: Date } & Pick<TeacherView, 'backbone' | 'graduatingClass' | 'title'>, schoolCodes: Map<string, string>): TeacherView {
  return {
    staffNo: t.staffNo,
    name: t.name,
    homeSchool: schoolCodes.get(t.homeSchoolId) ?? '',
    currentSchool: schoolCodes.get(t.currentSchoolId) ?? '',
    joinedGroupOn: isoDate(t.joinedGroupOn),
    backbone: t.backbone,
    graduatingClass: t.graduatingClass,
    title: t.title,
  };
}

function officialView(o: { login: string; displayName: string; email: string; schoolId: string | null; unit: { code: OfficialView['unit'] } | null; roles: string[]; isUnitLead: boolean; active: boolean }, schoolCodes: Map<string, string>): OfficialView {
  return {
    login: o.login,
    displayName: o.displayName,
    email: o.email,
    unit: o.unit?.code ?? null,
    school: o.schoolId ? (schoolCodes.get(o.schoolId) ?? null) : null,
    roles: ROLES.map((r) => r.code).filter((code) => o.roles.includes(code)) as OfficialView['roles'],
    isUnitLead: o.isUnitLead,
    active: o.active,
  };
}

/** Text that would run as a formula is marked as text (in `.xlsx` as in CSV); the import reads it back unmarked. */
function cells(spec: AnyEntitySpec, view: AnyView, lang: Language, target: 'xlsx' | 'csv') {
  return spec.columns.map((c) => {
    const cell = formatCell(c.kind, (view as unknown as Record<string, FieldValue>)[c.field], lang, target);
    return typeof cell === 'string' ? spreadsheetSafe(cell) : cell;
  });
}

export async function writeCsv(out: Writable, entity: EntityKey, rows: Rows, lang: Language, encoding: CsvEncoding): Promise<void> {
  const spec = ENTITIES[entity] as AnyEntitySpec;
  async function* records() {
    yield spec.columns.map((c) => (lang === 'zh' ? c.zh : c.en));
    for await (const view of rows) yield cells(spec, view, lang, 'csv');
  }
  // A BOM is how Excel knows a CSV file is UTF-8.
  const csv = stringify({ bom: encoding === 'utf8' });
  // iconv-lite encodes text, not bytes.
  csv.setEncoding('utf8');
  await (encoding === 'utf8' ? pipeline(Readable.from(records()), csv, out) : pipeline(Readable.from(records()), csv, iconv.encodeStream('gb18030'), out));
}

export async function writeXlsx(out: Writable, sheets: { entity: EntityKey; rows: Rows }[], lang: Language, withInstructions: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const { entity, rows } of sheets) {
    const spec = ENTITIES[entity] as AnyEntitySpec;
    const sheet = workbook.addWorksheet(sheetName(entity, lang));
    sheet.columns = spec.columns.map((c) => ({ header: lang === 'zh' ? c.zh : c.en, key: c.field, width: c.kind.type === 'textList' ? 30 : 18, ...(c.kind.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    for await (const view of rows) sheet.addRow(cells(spec, view, lang, 'xlsx')).commit();
    sheet.commit();
  }
  if (withInstructions) addInstructions(workbook, lang);
  await workbook.commit();
}

function addInstructions(workbook: ExcelJS.stream.xlsx.WorkbookWriter, lang: Language): void {
  const sheet = workbook.addWorksheet(lang === 'zh' ? '说明' : 'instructions');
  sheet.columns = [
    { header: lang === 'zh' ? '工作表' : 'Sheet', width: 14 },
    { header: lang === 'zh' ? '列' : 'Column', width: 20 },
    { header: lang === 'zh' ? '必填' : 'Required', width: 10 },
    { header: lang === 'zh' ? '填写说明' : 'How to fill it in', width: 80 },
  ];
  for (const entity of ENTITY_KEYS) {
    const spec = ENTITIES[entity] as AnyEntitySpec;
    for (const c of spec.columns) {
      const required = c.required ? (lang === 'zh' ? '是' : 'yes') : '';
      sheet.addRow([sheetName(entity, lang), lang === 'zh' ? c.zh : c.en, required, lang === 'zh' ? c.hintZh : c.hintEn]).commit();
    }
  }
  sheet.commit();
}
