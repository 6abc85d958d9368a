import { execFileSync } from 'node:child_process';
import path from 'node:path';
import globalSetup from './global-setup';

/** The e2e project also needs the built client: build it when missing or stale. */
export default async function e2eGlobalSetup(): Promise<void> {
  await globalSetup();
  execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', 'tools', 'ensure-client.mjs')], { stdio: 'inherit' });
}
