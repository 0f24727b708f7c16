/**
 * Reads the add-in's host code with the TypeScript compiler: every use of an office-js member whose
 * declaration names a requirement set (`[Api set: ExcelApi 1.9]`), with the support checks that
 * guard it, and every support check itself.
 */
import { dirname, relative } from 'node:path';
import ts from 'typescript';

export interface ApiSet {
  readonly name: string;
  readonly version: string;
}

export interface Located {
  readonly file: string;
  readonly line: number;
}

export interface ApiUse extends ApiSet, Located {
  /** The member as office-js names it, e.g. Excel.Range.dataValidation. */
  readonly member: string;
  /** The sets a support check has proved present wherever this use runs. */
  readonly guards: readonly ApiSet[];
}

export interface ApiSetScan {
  readonly uses: readonly ApiUse[];
  readonly checks: ReadonlyArray<ApiSet & Located>;
}

type Supports = (call: ts.CallExpression) => ApiSet | undefined;

const OFFICE_TYPES = /[\\/]node_modules[\\/]@types[\\/]office-js[\\/]/;

/**
 * A program over `files` with the project's compiler options, and `memory` as files of its own (a
 * test's fixtures). Imports of packages are left unresolved: only office-js's types matter here, and
 * reading Fluent UI's declarations would be most of the cost.
 */
export function hostProgram(tsconfig: string, files: readonly string[], memory: ReadonlyMap<string, string> = new Map()): ts.Program {
  const config = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const { options: projectOptions } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(tsconfig));
  const options = { ...projectOptions, noEmit: true, types: ['office-js'] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = memory.get(name);
    return text === undefined ? read(name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map(({ text }) => (text.startsWith('.') ? ts.resolveModuleName(text, containingFile, options, host) : { resolvedModule: undefined }));
  return ts.createProgram({ rootNames: [...files, ...memory.keys()], options, host });
}

/** The office-js uses and support checks in `files`, named relative to `root`. */
export function scanApiSets(program: ts.Program, files: readonly string[], root: string): ApiSetScan {
  const checker = program.getTypeChecker();
  const supports: Supports = (call) => supportCheck(checker, call);
  const uses: ApiUse[] = [];
  const checks: Array<ApiSet & Located> = [];
  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`${fileName} is not in the program`);
    const at = (node: ts.Node): Located => ({ file: relative(root, fileName), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    const visit = (node: ts.Node): void => {
      const check = ts.isCallExpression(node) ? supports(node) : undefined;
      if (check) checks.push({ ...check, ...at(node) });
      for (const { name, symbol, declaration, written } of references(checker, node)) {
        const set = apiSetOf(declaration, written);
        if (set) uses.push({ ...set, ...at(name), member: checker.getFullyQualifiedName(symbol), guards: guardsOf(supports, name) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, checks };
}

interface Reference {
  readonly name: ts.Node;
  readonly symbol: ts.Symbol;
  readonly declaration: ts.Declaration;
  readonly written: boolean;
}

/**
 * The office-js declarations a node uses at run time: a property read, written or called (the
 * overload actually called), a property of an object literal given where office-js expects one,
 * and a property taken out by destructuring. Type positions are not uses.
 */
function references(checker: ts.TypeChecker, node: ts.Node): Reference[] {
  const office = (d: ts.Declaration | undefined): d is ts.Declaration => !!d && OFFICE_TYPES.test(d.getSourceFile().fileName);
  const all = (name: ts.Node, symbol: ts.Symbol | undefined, written: boolean): Reference[] =>
    symbol ? (symbol.declarations ?? []).filter(office).map((declaration) => ({ name, symbol, declaration, written })) : [];
  if (ts.isPropertyAccessExpression(node)) {
    const symbol = checker.getSymbolAtLocation(node.name);
    const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
    const called = call ? checker.getResolvedSignature(call)?.declaration : undefined;
    if (symbol && called && !ts.isJSDocSignature(called) && office(called)) return [{ name: node.name, symbol, declaration: called, written: false }];
    const written = ts.isBinaryExpression(node.parent) && node.parent.left === node && node.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    return all(node.name, symbol, written);
  }
  const property = (type: ts.Type | undefined, name: ts.Node, written: boolean): Reference[] =>
    type && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? all(name, type.getNonNullableType().getProperty(name.text), written) : [];
  if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
    return property(checker.getContextualType(node.parent), node.name, true);
  }
  if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
    return property(checker.getTypeAtLocation(node.parent), node.propertyName ?? node.name, false);
  }
  return [];
}

/**
 * The set a declaration's JSDoc names. A tag may give a later version for setting than for reading
 * (`ExcelApi 1.1 for reading visibility; 1.2 for setting it`): a write needs the later one.
 */
function apiSetOf(declaration: ts.Declaration, written: boolean): ApiSet | undefined {
  const docs = ts.getJSDocCommentsAndTags(declaration).map((d) => d.getText()).join('\n');
  const tag = /\[Api set: (\w+) (\d+\.\d+)([^\]]*)\]/.exec(docs);
  if (!tag) return undefined;
  const setter = written ? /(\d+\.\d+) for set/.exec(tag[3]!)?.[1] : undefined;
  return { name: tag[1]!, version: setter ?? tag[2]! };
}

/**
 * The sets known present wherever `node` runs: it sits in the branch an if, a conditional or a
 * short-circuit takes when a support check passed, or after an `if (!check) return/throw`.
 */
function guardsOf(supports: Supports, node: ts.Node): ApiSet[] {
  const guards: ApiSet[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression) {
      guards.push(...proven(supports, parent.expression, child === parent.thenStatement));
    } else if (ts.isConditionalExpression(parent) && child !== parent.condition) {
      guards.push(...proven(supports, parent.condition, child === parent.whenTrue));
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      const op = parent.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) guards.push(...proven(supports, parent.left, op === ts.SyntaxKind.AmpersandAmpersandToken));
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const earlier of parent.statements.slice(0, parent.statements.indexOf(child as ts.Statement))) {
        if (ts.isIfStatement(earlier) && !earlier.elseStatement && exits(earlier.thenStatement)) guards.push(...proven(supports, earlier.expression, false));
      }
    }
  }
  return guards;
}

/** The support checks that must have passed for `condition` to evaluate to `value`. */
function proven(supports: Supports, condition: ts.Expression, value: boolean): ApiSet[] {
  if (ts.isParenthesizedExpression(condition)) return proven(supports, condition.expression, value);
  if (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken) return proven(supports, condition.operand, !value);
  if (ts.isBinaryExpression(condition)) {
    const op = condition.operatorToken.kind;
    // Both sides of `a && b` held if it is true; both failed if `a || b` is false.
    const both = (op === ts.SyntaxKind.AmpersandAmpersandToken && value) || (op === ts.SyntaxKind.BarBarToken && !value);
    return both ? [...proven(supports, condition.left, value), ...proven(supports, condition.right, value)] : [];
  }
  const check = value && ts.isCallExpression(condition) ? supports(condition) : undefined;
  return check ? [check] : [];
}

/**
 * `isSetSupported('ExcelApi', '1.9')`, or a wrapper of it: a function of two strings returning a
 * boolean, called with a set name and a version (the Excel host hands one to the plan writer).
 */
function supportCheck(checker: ts.TypeChecker, call: ts.CallExpression): ApiSet | undefined {
  const [name, version] = call.arguments;
  if (!name || !version || !ts.isStringLiteralLike(name) || !ts.isStringLiteralLike(version)) return undefined;
  if (!/^\w+$/.test(name.text) || !/^\d+\.\d+$/.test(version.text)) return undefined;
  const callee = call.expression;
  if ((ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined) === 'isSetSupported') return { name: name.text, version: version.text };
  const signature = checker.getResolvedSignature(call);
  const twoStrings = signature?.parameters.length === 2 && signature.parameters.every((p) => checker.getTypeOfSymbol(p).flags & ts.TypeFlags.String);
  return twoStrings && checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Boolean ? { name: name.text, version: version.text } : undefined;
}

/** A statement after which control never reaches the next one. */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1]!);
}
