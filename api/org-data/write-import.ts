/** Makes a clean plan's writes, parents before children, new rows in batches. */
import type { DbReader } from './check-import.js';
import type { Writes } from './plan.js';

/** Rows per INSERT: a teacher has 9 columns, so a batch binds 18 000 parameters. */
const BATCH = 2000;

export type WriteProgress = (done: number, total: number) => void;

export function writeCount(w: Writes): number {
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
  await createAll(w.teachers.create, (data) => tx.teacher.createMany({ data }));
  await updateEach(w.teachers.update, ({ id, data }) => tx.teacher.update({ where: { id }, data }));
  await createAll(w.officials.create, (data) => tx.official.createMany({ data }));
  await updateEach(w.officials.update, ({ id, data }) => tx.official.update({ where: { id }, data }));
}
