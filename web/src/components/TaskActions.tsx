/** 签收 and 转办 on one task: claim or release it; a unit lead hands it to a colleague. */
import { useState } from 'react';
import { App, Button, Select, Space, Typography } from 'antd';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { CaseTask } from '../lib/types.js';
import { useSession } from '../session.js';
import { ErrorAlert } from './ErrorAlert.js';

export function TaskActions({ task, onChanged }: { task: CaseTask; onChanged(): void }) {
  const { t } = useI18n();
  const { me, directory } = useSession();
  const { modal, message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<string>();

  const run = async (path: string, body: Record<string, string>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', path, { requestId: crypto.randomUUID(), ...body });
      void message.success(done);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const colleague = directory.colleagues.find((c) => c.id === target);
  return (
    <div style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Space wrap>
        {task.assignee ? (
          <Typography.Text>
            {t('assignee')}：{task.assignee.displayName}
          </Typography.Text>
        ) : null}
        {!task.assigneeId && (
          <Button loading={busy} onClick={() => void run(`/api/tasks/${task.id}/claim`, {}, t('claimed'))}>
            {t('claim')}
          </Button>
        )}
        {task.assigneeId === me.id && (
          <Button loading={busy} onClick={() => void run(`/api/tasks/${task.id}/unclaim`, {}, t('unclaimed'))}>
            {t('unclaim')}
          </Button>
        )}
      </Space>
      {me.isLead && directory.colleagues.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Paragraph type="secondary">{t('reassignHint')}</Typography.Paragraph>
          <Space wrap>
            <Select
              aria-label={t('reassignTo')}
              placeholder={t('reassignTo')}
              style={{ width: 220 }}
              value={target}
              onChange={setTarget}
              options={directory.colleagues.map((c) => ({ value: c.id, label: `${c.displayName}（${c.login}）` }))}
            />
            <Button
              disabled={!colleague}
              loading={busy}
              onClick={() =>
                void modal.confirm({
                  title: t('confirmReassign', { name: colleague?.displayName ?? '' }),
                  okText: t('confirm'),
                  cancelText: t('cancel'),
                  onOk: () => run(`/api/tasks/${task.id}/reassign`, { officialId: target ?? '' }, t('reassigned')),
                })
              }
            >
              {t('reassign')}
            </Button>
          </Space>
        </div>
      )}
    </div>
  );
}
