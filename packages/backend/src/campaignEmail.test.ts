import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { ParsedMail, simpleParser } from 'mailparser';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { apiFeatures } from './features';
import { ciToken, freePort, portalConfig } from './__testUtils__/portal';

jest.setTimeout(120_000);

const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A campaign reminder travels by email: the whole portal backend with Backstage's email processor pointed at a
 * real SMTP server on loopback (smtp-server, from npm), a campaign whose weekly digest is due today, and its
 * scheduled task running every 2 s — the RAG team's members receive the digest once, and it reads as words.
 */
describe('campaign reminders by email', () => {
  let backend: ReturnType<typeof createBackend>;
  let smtp: SMTPServer;
  let baseUrl: string;
  const received: Array<{ to: string[]; mail: ParsedMail }> = [];

  beforeAll(async () => {
    const smtpPort = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then(mail => {
            received.push({
              to: session.envelope.rcptTo.map(r => r.address),
              mail,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>(resolve =>
      smtp.listen(smtpPort, '127.0.0.1', resolve),
    );

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-email-'));
    const campaignFile = path.join(dir, 'rag.campaign.yaml');
    fs.writeFileSync(
      campaignFile,
      `apiVersion: readiness.io/v1
kind: Campaign
metadata: { name: rag-digest, title: RAG ready by email }
spec:
  owner: group:default/platform-team
  entities: { include: [{ kind: Component, 'spec.system': rag-platform }] }
  target: { track: rag-production-readiness, gate: deployment-prepared }
  startDate: ${day(-14)}
  targetDate: ${day(30)}
  reminders: { digest: ${WEEKDAYS[new Date().getUTCDay()]}, beforeTarget: [] }
`,
    );
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const config = portalConfig(port);
    config.readiness.campaigns = {
      files: [campaignFile],
      // Every 2 s here (hourly by default): the digest goes out once the catalog has the services, and only once.
      frequency: { seconds: 2 },
      initialDelay: { seconds: 1 },
    };
    config.notifications = {
      processors: {
        email: {
          transportConfig: {
            transport: 'smtp',
            hostname: '127.0.0.1',
            port: smtpPort,
            secure: false,
          },
          sender: 'readiness@example.com',
        },
      },
    };
    backend = createBackend();
    for (const feature of apiFeatures) backend.add(feature);
    backend.add(mockServices.rootConfig.factory({ data: config }));
    backend.add(mockServices.rootLogger.factory({ level: 'error' }));
    await backend.start();
  });

  afterAll(async () => {
    await backend?.stop();
    await new Promise(resolve => smtp?.close(() => resolve(undefined)));
  });

  const call = (url: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${url}`, {
      ...init,
      headers: { Authorization: `Bearer ${ciToken}` },
    });

  it("emails the weekly digest to the RAG team's members, in words", async () => {
    // The catalog has ingested the RAG services and their team.
    const deadline = Date.now() + 60_000;
    while (
      (await call('/api/readiness/campaigns/rag-digest')).status !== 200 ||
      (await (await call('/api/readiness/campaigns/rag-digest')).json())
        .progress.total !== 4
    ) {
      if (Date.now() > deadline) throw new Error('the catalog never loaded');
      await new Promise(r => setTimeout(r, 500));
    }
    const wanted = [
      'li.wei@example.com',
      'maria.garcia@example.com',
      'priya.nair@example.com',
      'sam.okafor@example.com',
    ];
    const until = Date.now() + 60_000;
    while (
      new Set(received.flatMap(r => r.to)).size < wanted.length &&
      Date.now() < until
    )
      await new Promise(r => setTimeout(r, 250));
    expect([...new Set(received.flatMap(r => r.to))].sort()).toEqual(wanted);
    const { mail } = received[0];
    expect(mail.from?.text).toContain('readiness@example.com');
    expect(mail.subject).toMatch(
      /^RAG ready by email: 4 of your entities are not done; due \d+ \w+ \d{4}$/,
    );
    expect(mail.text).toContain('Weekly digest.');
    // One line per service, by its title, with what it needs first (no evidence here: nothing is measured yet).
    for (const title of [
      'RAG API',
      'RAG Web',
      'RAG Retriever',
      'RAG Ingestion',
    ])
      expect(mail.text).toMatch(
        new RegExp(
          `^${title}: (Not evaluated yet|“.+” is not measured yet)`,
          'm',
        ),
      );
    expect(mail.text).not.toMatch(/component:default|group:default/);
    // Once per day: three more runs of the task send nothing more.
    const before = received.length;
    await new Promise(r => setTimeout(r, 6500));
    expect(received.length).toBe(before);
    expect(before).toBe(wanted.length);
  });
});
