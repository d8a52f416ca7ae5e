/**
 * DISTRICT_LIST (R-AWARD-ANNUAL): EDU decides for every nomination the groups endorsed whether it is
 * not listed, commended by the district or recommended to the city, and for the latter may prefer
 * 最美教师 or 优秀班主任. Every endorsed nominee gets an explicit outcome: none is dropped by omission.
 */
import { Form, Radio, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.js';
import { CITY_PREFERENCES, DISTRICT_OUTCOMES, type DistrictChoice } from '../../lib/step-forms.js';
import { ErrorAlert } from '../ErrorAlert.js';
import { Loading } from '../Loading.js';
import { FormFieldset } from './FormFieldset.js';
import { NomineeText, useNominations } from './nominations.js';

export function DistrictListFields({ caseId }: { caseId: string }) {
  const { t, code } = useI18n();
  const form = Form.useFormInstance();
  const choices = Form.useWatch(['form', 'outcomes'], form) as Record<string, DistrictChoice | undefined> | undefined;
  const { data, error } = useNominations(caseId);
  if (!data) return error ? <ErrorAlert error={error} /> : <Loading />;
  const endorsed = data.items.filter((n) => n.status === 'GROUP_ENDORSED');
  return (
    <FormFieldset>
      <Typography.Paragraph type="secondary">{t(endorsed.length ? 'listIntro' : 'listNone')}</Typography.Paragraph>
      {endorsed.map((n, i) => {
        const city = choices?.[n.id]?.outcome === 'CITY_RECOMMENDED';
        const preferencePath = ['form', 'outcomes', n.id, 'cityPreference'];
        return (
          <div key={n.id} data-testid="district-list-row" style={{ borderBottom: '1px dashed #ddd', marginBottom: 12 }}>
            <NomineeText nomination={n} />
            <Space align="baseline" wrap>
              <Form.Item label={t('listOutcome', { n: i + 1 })} name={['form', 'outcomes', n.id, 'outcome']} rules={[{ required: true, message: t('listOutcomeRequired', { n: i + 1 }) }]}>
                <Radio.Group
                  options={DISTRICT_OUTCOMES.map((o) => ({ value: o, label: code('outcome', o) }))}
                  // A preference belongs to a city recommendation only: it goes when the outcome changes away from it.
                  onChange={(e) => {
                    if (e.target.value !== 'CITY_RECOMMENDED') form.setFieldValue(preferencePath, undefined);
                  }}
                />
              </Form.Item>
              <Form.Item label={t('listPreference', { n: i + 1 })} name={preferencePath}>
                <Select allowClear disabled={!city} options={CITY_PREFERENCES.map((p) => ({ value: p, label: code('pref', p) }))} style={{ width: 180 }} />
              </Form.Item>
            </Space>
          </div>
        );
      })}
    </FormFieldset>
  );
}
