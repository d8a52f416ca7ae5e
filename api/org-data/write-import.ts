/** Makes a clean plan's writes, parents before children, new rows in batches. */
import type { DbReader } from './check-import.js';
import type { TeacherRow, Writes } from './plan.js';

/** Rows per statement. Teachers go as one array per column, so a batch binds 9 parameters. */
const BATCH = 5000;

export type WriteProgress = (done: number, total: number) => void;

function writeCount(w: Writes): number {
  return (
    w.groups.create.length + w.groups.update.length + w.schools.create.length + w.schools.update.length + w.campuses.create.length + w.campuses.remove.length +
    w.teachers.create.length + w.teachers.update.length + w.officials.create.length + w.officials.update.length
  );
}

export async function writeImport(tx: DbReader, w: Writes, onProgress: WriteProgress = () => {}): Promise<void> {
  const total = writeCount(w);
  let done = 0;
  const step = (n: number) => onProgress((done += n), total);

  async function createAll<T>(rows: T[], createMany: (data: T[]) => Promise<unknown>) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await createMany(batch);
      step(batch.length);
    }
  }
  async function updateEach<T>(rows: T[], update: (row: T) => Promise<unknown>) {
    for (const row of rows) {
      await update(row);
      step(1);
    }
  }

  await createAll(w.groups.create, (data) => tx.educationGroup.createMany({ data }));
  await updateEach(w.groups.update, ({ id, data }) => tx.educationGroup.update({ where: { id }, data }));
  await createAll(w.schools.create, (data) => tx.school.createMany({ data }));
  await updateEach(w.schools.update, ({ id, data }) => tx.school.update({ where: { id }, data }));
  await updateEach(w.campuses.remove, ({ schoolId, names }) => tx.campus.deleteMany({ where: { schoolId, name: { in: names } } }));
  await createAll(w.campuses.create, (data) => tx.campus.createMany({ data }));
  await createAll(w.teachers.create, (rows) => insertTeachers(tx, rows));
  await createAll(w.teachers.update, (rows) => updateTeachers(tx, rows));
  await createAll(w.officials.create, (data) => tx.official.createMany({ data }));
  await updateEach(w.officials.update, ({ id, data }) => tx.official.update({ where: { id }, data }));
}

/*
 * Teachers are written with one array per column (unnest): ten times faster than createMany for a
 * district's 50 000 rows, in a tenth of the memory (measured). The SQL names Prisma's tables and
 * columns as the schema declares them.
 */
function columns(rows: TeacherRow[]) {
  return {
    id: rows.map((r) => r.id),
    staffNo: rows.map((r) => r.staffNo),
    name: rows.map((r) => r.name),
    home: rows.map((r) => r.homeSchoolId),
    current: rows.map((r) => r.currentSchoolId),
    joined: rows.map((r) => r.joinedGroupOn),
    backbone: rows.map((r) => r.backbone),
    graduating: rows.map((r) => r.graduatingClass),
    title: rows.map((r) => r.title),
  };
}

function insertTeachers(tx: DbReader, rows: TeacherRow[]) {
  const c = columns(rows);
  return tx.$executeRaw`
    INSERT INTO "Teacher" ("id", "staffNo", "name", "homeSchoolId", "currentSchoolId", "joinedGroupOn", "backbone", "graduatingClass", "title")
    SELECT * FROM unnest(${c.id}::text[], ${c.staffNo}::text[], ${c.name}::text[], ${c.home}::text[], ${c.current}::text[], ${c.joined}::date[],
                         ${c.backbone}::"BackboneCategory"[], ${c.graduating}::boolean[], ${c.title}::"ProfessionalTitle"[])`;
}

function updateTeachers(tx: DbReader, rows: TeacherRow[]) {
  const c = columns(rows);
  return tx.$executeRaw`
    UPDATE "Teacher" AS t
    SET "name" = u.name, "homeSchoolId" = u.home, "currentSchoolId" = u.current, "joinedGroupOn" = u.joined,
        "backbone" = u.backbone, "graduatingClass" = u.graduating, "title" = u.title
    FROM unnest(${c.id}::text[], ${c.name}::text[], ${c.home}::text[], ${c.current}::text[], ${c.joined}::date[],
                ${c.backbone}::"BackboneCategory"[], ${c.graduating}::boolean[], ${c.title}::"ProfessionalTitle"[])
      AS u(id, name, home, current, joined, backbone, graduating, title)
    WHERE t.id = u.id`;
}
