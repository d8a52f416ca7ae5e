/**
 * Group structure changes (R-GROUP-SIZE, R-GROUP-ALLIANCE, R-GROUP-SUBCORE): EDU approves; a 7th
 * or 8th member first needs a justification that an EDU lead approves by filling it in.
 */
import { ABOVE_STANDARD_SIZE } from '../group-structure.js';
import { unit, type ChainStepDefinition } from './types.js';

export const groupChangeChains = {
  GROUP_CHANGE: [
    { key: 'group-change-size-justification', title: { zh: '区教育局负责人审批超规模理由', en: 'Education Bureau lead approves the justification for a 7th or 8th member' }, kind: 'SINGLE', routes: [unit('EDU')], leadOnly: true, form: 'GROUP_SIZE_JUSTIFICATION', onlyWhen: ABOVE_STANDARD_SIZE },
    { key: 'group-change-edu-approval', title: { zh: '区教育局审批集团结构调整', en: 'Education Bureau approves the structure change' }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
