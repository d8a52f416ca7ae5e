/** The JSON answers of GET /api/reports/* (api/reports/): `{ report, generatedAt, …, rows }`, the fields the console reads. */
export interface ShareCheck {
  count: number;
  of: number;
  required: number;
  met: boolean;
}

export interface CoverageReport {
  rows: { districtId: string; districtName: string; schools: number; inTightGroup: number; share: number | null; targets: { year: number; share: number; requiredSchools: number; met: boolean }[] }[];
}

export interface ExchangeReport {
  schoolYear: number;
  rows: { groupId: string; groupName: string; teachers: number; due: number; exchanging: number; quota: ShareCheck; backbone: ShareCheck }[];
}

export interface LedgerReport {
  rows: { schoolId: string; schoolName: string; schoolYear: number; total: { fen: number; entries: number } }[];
}

export interface OpenCasesReport {
  rows: { id: string; name: string; nameEn: string; pendingTasks: number; overdueTasks: number; openCases: number; oldestDueAt: string | null }[];
}
