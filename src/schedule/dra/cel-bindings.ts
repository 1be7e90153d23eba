// cel.bind(name, init, result), which the DRA CEL environment enables (dynamic-resource-allocation/cel/compile.go
// newCompiler: ext.Bindings): `result` with `name` bound to `init`, as one comprehension over an empty list whose
// accumulator is the variable.
// upstream: github.com/google/cel-go ext/bindings.go celBind
import type { Expr, ParsedExpr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';

/** cel-go's name for the comprehension's iteration variable, which no expression can name. */
const UNUSED_ITER_VAR = '#unused';

/** The parsed expression with every cel.bind call expanded, in place. */
export function expandBindings(parsed: ParsedExpr & { expr: Expr }): ParsedExpr & { expr: Expr } {
  let nextId = maxId(parsed.expr) + 1n;
  const fresh = (kind: Expr['exprKind']): Expr => ({ ...parsed.expr, id: nextId++, exprKind: kind });
  const visit = (expr: Expr): void => {
    for (const child of children(expr)) visit(child);
    const kind = expr.exprKind;
    if (kind.case !== 'callExpr' || kind.value.function !== 'bind' || kind.value.args.length !== 3) return;
    const target = kind.value.target?.exprKind;
    const [name, init, result] = kind.value.args;
    if (target?.case !== 'identExpr' || target.value.name !== 'cel' || name?.exprKind.case !== 'identExpr' || !init || !result) return;
    const accuVar = name.exprKind.value.name;
    expr.exprKind = {
      case: 'comprehensionExpr',
      value: {
        $typeName: 'cel.expr.Expr.Comprehension',
        iterVar: UNUSED_ITER_VAR,
        iterVar2: '',
        iterRange: fresh({ case: 'listExpr', value: { $typeName: 'cel.expr.Expr.CreateList', elements: [], optionalIndices: [] } }),
        accuVar,
        accuInit: init,
        loopCondition: fresh({ case: 'constExpr', value: { $typeName: 'cel.expr.Constant', constantKind: { case: 'boolValue', value: false } } }),
        loopStep: fresh({ case: 'identExpr', value: { $typeName: 'cel.expr.Expr.Ident', name: accuVar } }),
        result,
      },
    };
  };
  visit(parsed.expr);
  return parsed;
}

function children(expr: Expr): Expr[] {
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'selectExpr':
      return kind.value.operand ? [kind.value.operand] : [];
    case 'callExpr':
      return [...(kind.value.target ? [kind.value.target] : []), ...kind.value.args];
    case 'listExpr':
      return kind.value.elements;
    case 'structExpr':
      return kind.value.entries.flatMap((entry) => [...(entry.keyKind.case === 'mapKey' ? [entry.keyKind.value] : []), ...(entry.value ? [entry.value] : [])]);
    case 'comprehensionExpr':
      return [kind.value.iterRange, kind.value.accuInit, kind.value.loopCondition, kind.value.loopStep, kind.value.result].filter((child): child is Expr => child !== undefined);
    default:
      return [];
  }
}

function maxId(expr: Expr): bigint {
  return children(expr).reduce((max, child) => {
    const id = maxId(child);
    return id > max ? id : max;
  }, expr.id);
}
