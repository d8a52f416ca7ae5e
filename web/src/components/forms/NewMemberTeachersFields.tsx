/** NEW_MEMBER_TEACHERS (R-EXCH-NEWMEMBER): the joining school names as many of its own teachers as its group asks for. */
import { Alert, Form, Select, Typography } from 'antd';
import { useI18n } from '../../i18n/index.js';
import { newMemberTeachersForm } from '../../lib/step-forms.js';
import { useSession } from '../../session.js';
import { FormFieldset } from './FormFieldset.js';

/** `count`: the group's own number or the policy's default, as the case's workflow recorded it. */
export function NewMemberTeachersFields({ count }: { count: number }) {
  const { t } = useI18n();
  const { directory } = useSession();
  return (
    <FormFieldset>
      <Typography.Paragraph type="secondary">{t('newMemberIntro', { n: count })}</Typography.Paragraph>
      {directory.teachers.length === 0 && <Alert type="info" showIcon title={t('nominateNoTeachers')} style={{ marginBottom: 16 }} />}
      <Form.Item
        label={t('newMemberTeachers', { n: count })}
        name={['form', 'teacherIds']}
        initialValue={[]}
        rules={[
          {
            validator: async (_, ids?: string[]) => {
              if (!newMemberTeachersForm(ids ?? [], count).ok) throw new Error(t('newMemberCount', { n: count, m: ids?.length ?? 0 }));
            },
          },
        ]}
      >
        <Select mode="multiple" maxCount={count} showSearch={{ optionFilterProp: 'label' }} options={directory.teachers.map((x) => ({ value: x.id, label: `${x.name}（${x.staffNo}）` }))} />
      </Form.Item>
    </FormFieldset>
  );
}
