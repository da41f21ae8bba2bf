import { spawn } from 'node:child_process';

/**
 * Runs a seeding process (`node <main> '<json job>'`): its `seed: …` stderr lines go to `log`,
 * its last stdout line is its outcome. Seeding runs in a child so its memory and the server it
 * opens are gone when it ends.
 */
export function runSeedChild<Outcome>(main: string, job: unknown, what: string, log: (line: string) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, main, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let tail = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      tail = (tail + d.toString()).slice(-8000);
      for (const line of d.toString().split('\n')) if (line.startsWith('seed: ')) log(line.slice('seed: '.length));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the ${what} process exited with ${code}\n${tail}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Outcome);
      } catch {
        reject(new Error(`the ${what} process printed no outcome\n${stdout}\n${tail}`));
      }
    });
  });
}
