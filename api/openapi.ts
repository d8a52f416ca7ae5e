/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
import { z } from 'zod';
import { coverageQuery, exchangeReportQuery, ledgerQuery, openCasesQuery } from './reports/schemas.js';
import { reportOperation } from './reports/table.js';
import { schedulePaths } from './schedules/openapi.js';
import { declareRefusalBody, earlyEndBody, nominateTermBody, startRotationPlanBody } from './exchange/schemas.js';
import { startCadrePlacementBody, startGroupChangeBody, startSecondmentBody } from './org-cases/schemas.js';
import { lectureFeeBody, startSubsidyBody } from './funding/schemas.js';
import { staffingProposalBody } from './staffing/schemas.js';
import { calendarYearBody } from './calendar/schemas.js';
import { policyVersionBody } from './policy/routes.js';
import { caseSearchQuery, claimBody, decisionBody, delegationBody, inboxQuery, initiatorBody, loginBody, pageQuery, reassignBody, resubmitBody, startCaseBody, teacherSearchQuery } from './schemas.js';

type Schema = z.ZodType;

const errorResponse = {
  description: 'Error, in Simplified Chinese unless `Accept-Language: en`',
  content: { 'application/json': { schema: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } } } } },
};

function jsonSchema(schema: Schema) {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function operation(summary: string, options: { body?: Schema; query?: Schema; path?: boolean; auth?: boolean } = {}) {
  const query = options.query ? Object.entries((jsonSchema(options.query) as { properties?: Record<string, object> }).properties ?? {}) : [];
  return {
    summary,
    ...(options.auth === false ? { security: [] } : {}),
    parameters: [
      ...(options.path ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] : []),
      ...query.map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
    ],
    ...(options.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(options.body) } } } } : {}),
    responses: { '200': { description: 'OK' }, '4XX': errorResponse, '503': errorResponse },
  };
}

const yearParameter = { name: 'year', in: 'path', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 } };

function fileOperation(summary: string) {
  return { ...operation(summary), parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }] };
}

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'GroupFlow API · 集团化办学流程服务接口', version: '0.1.0', description: 'Cases, approval tasks and delegations of the group-schooling policy.' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
      '/livez': { get: operation('The API process answers', { auth: false }) },
      '/readyz': { get: operation('Reachability of Temporal and the database (503 when either is down), and how far the working-day calendar reaches', { auth: false }) },
      '/healthz': { get: operation('Older name of /readyz', { auth: false }) },
      '/metrics': { get: { ...operation('Prometheus metrics: process, and business gauges such as the calendar coverage', { auth: false }), responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/api/policy': { get: operation("The policy's numbers: the version in force and every version with its effective date") },
      '/api/policy/versions': { post: operation('Add a policy version (EDU leads): changes laid over the version in force at its effective date (today or later), checked whole, audited; new cases from that date use it, running cases keep theirs', { body: policyVersionBody }) },
      '/api/calendar': { get: operation('The working-day calendar: years entered and how far it reaches (coverage, missing years, warning from 1 October)') },
      '/api/calendar/years/{year}': {
        get: { ...operation("One year's holidays and swapped working days (调休); covered=false when not entered"), parameters: [yearParameter] },
        put: {
          ...operation("Enter or correct one year's list (EDU administrators): JSON, or CSV lines `date,kind,name` (kind HOLIDAY/休 or WORKING_DAY/班); replaces the year and recounts open deadlines", { body: calendarYearBody }),
          parameters: [yearParameter],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(calendarYearBody) }, 'text/csv': { schema: { type: 'string' } } } },
        },
      },
      '/api/auth/login': { post: operation('Log in; returns a bearer token', { body: loginBody, auth: false }) },
      '/api/auth/logout': { post: operation('End this session') },
      '/api/me': { get: operation('The current official') },
      '/api/me/delegation': {
        get: operation('My delegation, and whom I cover for'),
        put: operation('Name a delegate for a period (委托)', { body: delegationBody }),
        delete: operation('Revoke my delegation'),
      },
      '/api/directory': { get: operation("My district's groups, schools and units, the colleagues of my unit or school, my school's teachers and, for a core school, its group's (the console's choices)") },
      '/api/teachers': { get: operation("Look up teachers of my district by part of a name or staff number, paged (administrators; the case search's teacher filter)", { query: teacherSearchQuery }) },
      '/api/console-config': { get: operation("The web console's settings: where a case's workflow opens in the Temporal Web UI") },
      '/api/inbox': { get: operation('My pending tasks (待办): direct, via my unit or school, delegated to me', { query: inboxQuery }) },
      '/api/tasks/decided': { get: operation('Tasks I decided (已办)', { query: pageQuery }) },
      '/api/tasks/{id}/decision': { post: operation('Approve, reject or return (退回) a task', { path: true, body: decisionBody }) },
      '/api/tasks/{id}/claim': { post: operation('Take a task routed to my unit (签收)', { path: true, body: claimBody }) },
      '/api/tasks/{id}/unclaim': { post: operation('Give a task back to the unit', { path: true, body: claimBody }) },
      '/api/tasks/{id}/reassign': { post: operation("A unit lead hands a task to an official of the unit (转办)", { path: true, body: reassignBody }) },
      '/api/cases': {
        get: operation('Search cases', { query: caseSearchQuery }),
        post: operation('Start a case', { body: startCaseBody }),
      },
      '/api/cases/started': { get: operation('Cases I started (我发起的)', { query: pageQuery }) },
      '/api/cases/copied': { get: operation('Cases I was copied on (抄送我)', { query: pageQuery }) },
      '/api/cases/{id}': { get: operation('Case detail: current steps, who must act, deadlines, timeline', { path: true }) },
      '/api/cases/{id}/nominations': { get: operation("A commendation round's nominations with school, reason and outcome (R-AWARD-ANNUAL); for whoever may read the case", { path: true }) },
      '/api/cases/{id}/withdraw': { post: operation('Withdraw my case before the first decision (撤回)', { path: true, body: initiatorBody }) },
      '/api/cases/{id}/resubmit': { post: operation('Resubmit my returned case', { path: true, body: resubmitBody }) },
      '/api/exchange/rotation-plans': { post: operation("Start a group's yearly rotation plan (轮岗计划; scheduler, EDU or the core school)", { body: startRotationPlanBody }) },
      '/api/exchange/rotation-plans/{groupId}/{schoolYear}': { get: { ...operation('A rotation plan: teachers due, proposal, quota checks, terms started'), parameters: [{ name: 'groupId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, { name: 'schoolYear', in: 'path', required: true, schema: { type: 'integer' } }] } },
      '/api/exchange/terms': { post: operation("Nominate a teacher of my school for an exchange term (交流轮岗)", { body: nominateTermBody }) },
      '/api/exchange/terms/{id}': { get: operation("An exchange term's state: phase, school years, scores, due dates", { path: true }) },
      '/api/exchange/terms/{id}/early-end': { post: operation('Ask EDU to end an exchange term early (illness, transfer)', { path: true, body: earlyEndBody }) },
      '/api/exchange/refusals': { post: operation('Declare that a teacher of my school due for exchange refuses (拒不交流)', { body: declareRefusalBody }) },
      '/api/secondments': { post: operation('Start a management secondment (管理团队派驻; EDU or the sending school): team checked first (R-SECOND-*)', { body: startSecondmentBody }) },
      '/api/group-changes': { post: operation('Start a group structure change (集团结构调整; EDU): size checked first (R-GROUP-SIZE)', { body: startGroupChangeBody }) },
      '/api/cadre-placements': { post: operation('Start a cadre shadow placement (干部跟岗锻炼; ORG) (R-CADRE-FLAGSHIP)', { body: startCadrePlacementBody }) },
      '/api/org-data/templates/{file}': { get: fileOperation('Import template (admin): org-data.xlsx or <entity>.csv') },
      '/api/org-data/export/{file}': { get: fileOperation('Export (admin): org-data.xlsx or <entity>.csv; ?encoding=gb18030 for CSV') },
      '/api/org-data/imports': { post: { ...operation('Upload files for import (admin; multipart field "files"); answers with the dry-run report'), requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } } } },
      '/api/org-data/imports/{id}': { get: operation('The dry-run report of an upload (admin)', { path: true }) },
      '/api/funding/new-school-subsidies': { post: operation('EDU starts the 3-year subsidy period of a new member school (R-FUND-NEWSCHOOL, R-FUND-RESERVE)', { body: startSubsidyBody }) },
      '/api/funding/lecture-fees': { post: operation("A member school claims an expert lecture fee for the core school's backbone teacher (R-FUND-LECTURE)", { body: lectureFeeBody }) },
      '/api/funding/cases/{id}/ledger': { get: operation('Ledger rows a case booked, amounts in fen', { path: true }) },
      '/api/staffing/adjustments': { post: operation("The core school or the Staffing Office proposes the year's quotas by enrolment inside the fixed total (R-STAFF-ANNUAL)", { body: staffingProposalBody }) },
      '/api/org-data/imports/{id}/apply': { post: operation('Apply a clean upload in one transaction (admin)', { path: true }) },
      '/api/reports/coverage': { get: reportOperation(operation('Tight-group coverage per district against the R-COVERAGE targets', { query: coverageQuery })) },
      '/api/reports/exchange': { get: reportOperation(operation('Per group and school year: teachers, due, planned, exchanging, R-EXCH-QUOTA and R-EXCH-BACKBONE checks', { query: exchangeReportQuery })) },
      '/api/reports/ledger': { get: reportOperation(operation('Subsidy ledger per school and school year, by kind, in fen and yuan', { query: ledgerQuery })) },
      '/api/reports/cases': { get: reportOperation(operation('Pending and overdue tasks and open cases per unit and per school', { query: openCasesQuery })) },
      ...schedulePaths(operation),
    },
  };
}
