// Lints texts as if they were the given files, with the project's ESLint configuration, and
// prints the messages as JSON. Run as its own Node process because ESLint loads the flat
// config with a dynamic import, which Jest's module sandbox does not allow.
// stdin: [{ "filePath": "/abs/path.ts", "text": "…" }]  stdout: [[{ line, ruleId, message }]]
import { ESLint } from 'eslint';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const inputs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, text } of inputs) {
  const [result] = await eslint.lintText(text, { filePath });
  out.push(result.messages.map(({ line, ruleId, message }) => ({ line, ruleId, message })));
}
process.stdout.write(JSON.stringify(out));
