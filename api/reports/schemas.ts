/** The reports' query strings: validated here, typed by z.infer, and published in /openapi.json. */
import { z } from 'zod';

const uuid = z.uuid();
const common = {
  /** Administrators may pick a district; officials may name only their own. */
  districtId: uuid.optional(),
  /** JSON unless `csv` (or an Accept header preferring text/csv). */
  format: z.enum(['json', 'csv']).optional(),
};
/** A school year by the calendar year it starts in (2026 = 2026–2027). */
const schoolYear = z.coerce.number().int().min(2000).max(2100);

export const coverageQuery = z.object(common);

/** Without a school year: the current one. */
export const exchangeReportQuery = z.object({ ...common, groupId: uuid.optional(), schoolYear: schoolYear.optional() });

/** Without a school year: every year with entries. */
export const ledgerQuery = z.object({ ...common, schoolId: uuid.optional(), schoolYear: schoolYear.optional() });

export const openCasesQuery = z.object(common);
