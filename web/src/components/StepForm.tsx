/**
 * The form a step asks for (policy/forms.ts), drawn from its schema: numbers, texts, yes/no, choices
 * and lists of words. Kinds this build does not know, or fields it cannot draw, get a clear message
 * instead of a half-working form, so an official never sends incomplete data.
 */
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { isMessageKey, useI18n } from '../i18n/index.js';
import { drawableFields, repeatedTeachers, rotationPlanForm, type RotationPlanRow } from '../lib/step-forms.js';
import { useSession } from '../session.js';

/** ROTATION_PLAN: rows of a teacher of the group and a destination school of the group, and an optional justification. */
function RotationPlanFields() {
  const { t } = useI18n();
  const { me, directory } = useSession();
  const groupId = directory.schools.find((s) => s.id === me.schoolId)?.groupId;
  const schools = directory.schools.filter((s) => groupId && s.groupId === groupId);
  const schoolName = (id: string) => schools.find((s) => s.id === id)?.name ?? '';
  const teachers = directory.groupTeachers.map((x) => ({ value: x.id, label: `${x.name}（${x.staffNo}）· ${schoolName(x.homeSchoolId)}` }));
  return (
    <fieldset style={{ border: '1px solid #eee', padding: 12, marginBottom: 16 }}>
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px' }}>{t('stepForm')}</legend>
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
    </fieldset>
  );
}

export function StepFormFields({ kind }: { kind: string }) {
  const { t } = useI18n();
  if (kind === 'ROTATION_PLAN') return <RotationPlanFields />;
  const fields = drawableFields(kind);
  if (!fields) return <Alert type="warning" showIcon title={t('unknownForm', { kind })} />;
  const label = (name: string) => {
    const key = `formField_${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
  return (
    <fieldset style={{ border: '1px solid #eee', padding: 12, marginBottom: 16 }}>
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px' }}>{t('stepForm')}</legend>
      {fields.map(({ name, schema, required }) => (
        <Form.Item
          key={name}
          label={label(name)}
          name={['form', name]}
          valuePropName={schema.type === 'boolean' ? 'checked' : 'value'}
          rules={required && schema.type !== 'boolean' ? [{ required: true, message: t('formRequired', { field: label(name) }) }] : []}
        >
          {schema.enum ? (
            <Select options={schema.enum.map((v) => ({ value: v, label: v }))} />
          ) : schema.type === 'integer' || schema.type === 'number' ? (
            <InputNumber min={schema.minimum} max={schema.maximum} precision={schema.type === 'integer' ? 0 : undefined} style={{ width: 160 }} />
          ) : schema.type === 'boolean' ? (
            <Switch />
          ) : schema.type === 'array' ? (
            <Select mode="tags" />
          ) : (schema.maxLength ?? 0) > 200 ? (
            <Input.TextArea rows={3} maxLength={schema.maxLength} />
          ) : (
            <Input maxLength={schema.maxLength} />
          )}
        </Form.Item>
      ))}
    </fieldset>
  );
}
