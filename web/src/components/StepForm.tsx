/**
 * The form a step asks for (policy/forms.ts), drawn from its schema: numbers, texts, yes/no, choices
 * and lists of words. Kinds this build does not know, or fields it cannot draw, get a clear message
 * instead of a half-working form, so an official never sends incomplete data.
 */
import { Alert, Form, Input, InputNumber, Select, Switch } from 'antd';
import { isMessageKey, useI18n } from '../i18n/index.js';
import { drawableFields } from '../lib/step-forms.js';

export function StepFormFields({ kind }: { kind: string }) {
  const { t } = useI18n();
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
