/**
 * The form a step asks for (policy/forms.ts): lists of records or ids by an editor of their own
 * (forms/), other forms drawn from their schema — numbers, texts, yes/no, choices and lists of
 * words. Kinds this build does not know, or fields it cannot draw, get a clear message instead of
 * a half-working form, so an official never sends incomplete data.
 */
import type { ReactNode } from 'react';
import { Alert, Form, Input, InputNumber, Select, Switch } from 'antd';
import { isMessageKey, useI18n } from '../i18n/index.js';
import { drawableFields, hasListEditor, type ListEditorKind } from '../lib/step-forms.js';
import type { CaseDetail } from '../lib/types.js';
import { DistrictListFields } from './forms/DistrictListFields.js';
import { EndorsementFields } from './forms/EndorsementFields.js';
import { FormFieldset } from './forms/FormFieldset.js';
import { NewMemberTeachersFields } from './forms/NewMemberTeachersFields.js';
import { NominationsFields } from './forms/NominationsFields.js';
import { RotationPlanFields } from './forms/RotationPlanFields.js';

const listEditors: Record<ListEditorKind, (detail: CaseDetail) => ReactNode> = {
  ROTATION_PLAN: () => <RotationPlanFields />,
  NOMINATIONS: () => <NominationsFields />,
  GROUP_ENDORSEMENT: (detail) => <EndorsementFields caseId={detail.id} />,
  DISTRICT_LIST: (detail) => <DistrictListFields caseId={detail.id} />,
  // The new member's case records how many teachers its group asks for (R-EXCH-NEWMEMBER).
  NEW_MEMBER_TEACHERS: (detail) => <NewMemberTeachersFields count={Number(detail.subject.teacherCount)} />,
};

export function StepFormFields({ kind, detail }: { kind: string; detail: CaseDetail }) {
  const { t } = useI18n();
  if (hasListEditor(kind)) return listEditors[kind](detail);
  const fields = drawableFields(kind);
  if (!fields) return <Alert type="warning" showIcon title={t('unknownForm', { kind })} />;
  const label = (name: string) => {
    const key = `formField_${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
  return (
    <FormFieldset>
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
    </FormFieldset>
  );
}
