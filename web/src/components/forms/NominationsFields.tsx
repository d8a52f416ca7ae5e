/**
 * NOMINATIONS (R-AWARD-ANNUAL): a school's nominees — a name and a reason each, optionally one of
 * its teachers — at most the policy's number per school; sending none says "none this year".
 */
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.js';
import { MAX_NOMINEES, NOMINEE_MAX_LENGTH, nominationsForm, repeatedValues, type NomineeRow } from '../../lib/step-forms.js';
import { useSession } from '../../session.js';
import { FormFieldset } from './FormFieldset.js';

export function NominationsFields() {
  const { t } = useI18n();
  const { directory } = useSession();
  const form = Form.useFormInstance();
  const teachers = directory.teachers.map((x) => ({ value: x.id, label: `${x.name}（${x.staffNo}）` }));
  // A chosen teacher's name fills an empty name field; a name typed already stays.
  const pickTeacher = (row: number, id: string | undefined) => {
    const teacher = directory.teachers.find((x) => x.id === id);
    const namePath = ['form', 'nominees', row, 'name'];
    if (teacher && !String(form.getFieldValue(namePath) ?? '').trim()) form.setFieldValue(namePath, teacher.name);
  };
  return (
    <FormFieldset>
      <Typography.Paragraph type="secondary">{t('nomIntro', { max: MAX_NOMINEES })}</Typography.Paragraph>
      <Form.List
        name={['form', 'nominees']}
        initialValue={[]}
        rules={[
          {
            validator: async (_, rows?: NomineeRow[]) => {
              const list = rows ?? [];
              if (list.length > MAX_NOMINEES) throw new Error(t('nomTooMany', { max: MAX_NOMINEES }));
              if (repeatedValues(list.map((r) => r.name)).length) throw new Error(t('nomNameTwice'));
              // Rows still being filled are reported by their own fields; complete rows must make a list the policy accepts.
              if (list.every((r) => r.name?.trim() && r.reason?.trim()) && !nominationsForm(list).ok) throw new Error(t('nomInvalid'));
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, i) => (
              <div key={row.key} data-testid="nominee-row" style={{ borderBottom: '1px dashed #ddd', marginBottom: 12 }}>
                <Space align="baseline" wrap>
                  <Form.Item label={t('nomTeacher', { n: i + 1 })} name={[row.name, 'teacherId']}>
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teachers} style={{ width: 260 }} onChange={(id?: string) => pickTeacher(row.name, id)} />
                  </Form.Item>
                  <Form.Item label={t('nomName', { n: i + 1 })} name={[row.name, 'name']} rules={[{ required: true, whitespace: true, message: t('nomNameRequired') }]}>
                    <Input maxLength={NOMINEE_MAX_LENGTH.name} style={{ width: 180 }} />
                  </Form.Item>
                  <Button onClick={() => remove(row.name)}>{t('nomRemove', { n: i + 1 })}</Button>
                </Space>
                <Form.Item label={t('nomReason', { n: i + 1 })} name={[row.name, 'reason']} rules={[{ required: true, whitespace: true, message: t('nomReasonRequired') }]}>
                  <Input.TextArea rows={2} maxLength={NOMINEE_MAX_LENGTH.reason} />
                </Form.Item>
              </div>
            ))}
            <Form.Item>
              <Button type="dashed" disabled={rows.length >= MAX_NOMINEES} onClick={() => add()}>
                {t('nomAdd')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>
    </FormFieldset>
  );
}
