import packageJson from '../package.json';
import { parseCliArgs } from './args';
import { ignoreClosedPipe } from './closed-pipe';
import { helpText } from './help-text';
import { run } from './run';
import { inputErrorMessage, isInputError } from './usage-error';

/**
 * The `mg-compare` command: parses the flags, runs the comparison, and maps failures to exit
 * codes (2 for bad input, with a hint to --help; 1 for anything unexpected), never a stack trace
 * unless MG_COMPARE_DEBUG is set.
 */
async function main(argv: readonly string[]): Promise<number> {
  let given: Readonly<Record<string, string>> = {};
  try {
    const command = parseCliArgs(argv);
    if (command.kind === 'help') {
      process.stdout.write(helpText(packageJson.version));
    } else if (command.kind === 'version') {
      process.stdout.write(`${packageJson.version}\n`);
    } else {
      given = command.given;
      await run(command.options, {
        stdout: ignoreClosedPipe(process.stdout),
        stderr: ignoreClosedPipe(process.stderr),
      });
    }
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      process.stderr.write(
        `mg-compare: ${inputErrorMessage(error, given)}\nTry 'mg-compare --help'.\n`,
      );
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`mg-compare: unexpected error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    if (process.env.MG_COMPARE_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`);
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
