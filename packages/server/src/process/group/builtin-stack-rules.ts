// The stack trace rules every project gets before its own (syntax: Sentry product docs, Issue Grouping › Stack
// Trace Rules; Sentry ships a longer built-in list). They are part of a grouping mechanism: editing them
// regroups, so a changed list belongs to a new mechanism id, never to an existing one.
import { parseStackRules, type StackRule } from './parse-stack-rules.js';

export const BUILTIN_STACK_RULES_TEXT_2026_11 = `
# JavaScript and Node: dependencies and runtime internals are not the app
family:javascript stack.abs_path:**/node_modules/**                   -app
family:javascript stack.abs_path:node:**                              -app
family:javascript stack.abs_path:internal/**                          -app
# transpiler and bundler helpers never say anything about the error
family:javascript stack.abs_path:**/node_modules/@babel/**            -app -group
family:javascript stack.abs_path:**/node_modules/core-js/**           -app -group
family:javascript stack.abs_path:**/node_modules/tslib/**             -app -group
family:javascript stack.abs_path:**/node_modules/regenerator-runtime/** -app -group
family:javascript stack.module:@babel/**                              -app -group
family:javascript stack.module:core-js/**                             -app -group
family:javascript stack.module:tslib/**                               -app -group
family:javascript stack.module:regenerator-runtime/**                 -app -group
family:javascript stack.abs_path:webpack:///(webpack)/**              -app -group
family:javascript stack.abs_path:**/webpack/bootstrap**               -app -group
# Python: installed packages are not the app
stack.abs_path:**/site-packages/**                                    -app
stack.abs_path:**/dist-packages/**                                    -app
`;

function parseBuiltin(text: string): readonly StackRule[] {
  const parsed = parseStackRules(text);
  if (!parsed.ok) throw new Error(`built-in stack rules do not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.rules;
}

export const BUILTIN_STACK_RULES_2026_11: readonly StackRule[] = parseBuiltin(BUILTIN_STACK_RULES_TEXT_2026_11);
