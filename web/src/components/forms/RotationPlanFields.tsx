/** ROTATION_PLAN (R-EXCH-ELIGIBLE, R-EXCH-QUOTA): rows of a teacher of the group and a destination school of the group, and an optional justification. */
import { Button, Form, Input, Select, Space } from 'antd';
import { useI18n } from '../../i18n/index.js';
import { repeatedTeachers, rotationPlanForm, type RotationPlanRow } from '../../lib/step-forms.js';
import { useSession } from '../../session.js';
import { FormFieldset } from './FormFieldset.js';

export function RotationPlanFields() {
  const { t } = useI18n();
  const { me, directory } = useSession();
  const groupId = directory.schools.find((s) => s.id === me.schoolId)?.groupId;
  const schools = directory.schools.filter((s) => groupId && s.groupId === groupId);
  const schoolName = (id: string) => schools.find((s) => s.id === id)?.name ?? '';
  const teachers = directory.groupTeachers.map((x) => ({ value: x.id, label: `${x.name}（${x.staffNo}）· ${schoolName(x.homeSchoolId)}` }));
  return (
    <FormFieldset>
      <Form.List
        name={['form', 'entries']}
        rules={[
          {
            validator: async (_, rows?: RotationPlanRow[]) => {
              if (!rows?.length) throw new Error(t('planRowsRequired'));
              if (repeatedTeachers(rows).length) throw new Error(t('planTeacherTwice'));
              // Rows still being filled are reported by their own fields; complete rows must make a plan the policy accepts.
              if (rows.every((r) => r.teacherId && r.toSchoolId) && !rotationPlanForm(rows).ok) throw new Error(t('planRowsRequired'));
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, i) => (
              <Space key={row.key} align="baseline" wrap data-testid="plan-row">
                <Form.Item label={t('planTeacher', { n: i + 1 })} name={[row.name, 'teacherId']} rules={[{ required: true, message: t('nominateTeacherRequired') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={teachers} style={{ width: 320 }} />
                </Form.Item>
                <Form.Item label={t('planToSchool', { n: i + 1 })} name={[row.name, 'toSchoolId']} rules={[{ required: true, message: t('nominateToSchoolRequired') }]}>
                  <Select options={schools.map((x) => ({ value: x.id, label: x.name }))} style={{ width: 200 }} />
                </Form.Item>
                <Button onClick={() => remove(row.name)}>{t('planRemoveRow', { n: i + 1 })}</Button>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add()}>
                {t('planAddRow')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item label={t('planJustification')} name={['form', 'justification']}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormFieldset>
  );
}
