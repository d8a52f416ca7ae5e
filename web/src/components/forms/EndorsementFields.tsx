/** GROUP_ENDORSEMENT (R-AWARD-ANNUAL): the core school ticks the nominations of its group's schools that it endorses. */
import { Checkbox, Form, Typography } from 'antd';
import { useI18n } from '../../i18n/index.js';
import { endorsementForm } from '../../lib/step-forms.js';
import { useSession } from '../../session.js';
import { ErrorAlert } from '../ErrorAlert.js';
import { Loading } from '../Loading.js';
import { FormFieldset } from './FormFieldset.js';
import { NomineeText, useNominations } from './nominations.js';

export function EndorsementFields({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { me, directory } = useSession();
  const { data, error } = useNominations(caseId);
  if (!data) return error ? <ErrorAlert error={error} /> : <Loading />;
  const groupId = directory.schools.find((s) => s.id === me.schoolId)?.groupId;
  const candidates = data.items.filter((n) => groupId && n.school?.groupId === groupId);
  return (
    <FormFieldset>
      <Typography.Paragraph type="secondary">{t(candidates.length ? 'endorseIntro' : 'endorseNone')}</Typography.Paragraph>
      <Form.Item
        label={t('endorseLabel')}
        name={['form', 'endorsed']}
        initialValue={[]}
        rules={[
          {
            validator: async (_, ids?: string[]) => {
              if (!endorsementForm(ids ?? []).ok) throw new Error(t('nomInvalid'));
            },
          },
        ]}
      >
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={candidates.map((n) => ({ value: n.id, label: <NomineeText nomination={n} /> }))} />
      </Form.Item>
    </FormFieldset>
  );
}
