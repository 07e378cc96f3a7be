package org.il2sim.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprCompilerTest {

    private static final Map<String, Integer> SLOTS = Map.of("x", 1, "y", 2);

    private static final CompileContext CONTEXT = new CompileContext() {
        @Override
        public int slot(String id) {
            return SLOTS.getOrDefault(id, -1);
        }

        @Override
        public FunctionDefinition function(String name) {
            return name.equals("sq") ? new FunctionDefinition("sq", List.of("a"),
                    new Expr.Apply(Op.TIMES, new Expr.Sym("a"), new Expr.Sym("a"))) : null;
        }
    };

    private static double eval(Expr e, double t, double x, double y) {
        return new ExprCompiler(CONTEXT).compile(e).eval(new double[] {t, x, y});
    }

    @Test
    void arithmeticAndFunctions() {
        Expr e = new Expr.Apply(Op.PLUS, new Expr.Call("sq", List.of(new Expr.Sym("x"))),
                new Expr.Apply(Op.DIVIDE, new Expr.Sym("y"), new Expr.Num(4)), new Expr.Time());
        assertThat(eval(e, 1, 3, 2)).isEqualTo(9 + 0.5 + 1);
        assertThat(eval(new Expr.Apply(Op.ROOT, new Expr.Num(3), new Expr.Num(27)), 0, 0, 0)).isEqualTo(3.0);
        assertThat(eval(new Expr.Apply(Op.LOG, new Expr.Num(2), new Expr.Num(8)), 0, 0, 0)).isEqualTo(3.0);
        assertThat(eval(new Expr.Apply(Op.FACTORIAL, new Expr.Num(5)), 0, 0, 0)).isEqualTo(120.0);
        assertThat(eval(new Expr.Apply(Op.MINUS, new Expr.Sym("x")), 0, 2, 0)).isEqualTo(-2.0);
    }

    @Test
    void logicAndPiecewise() {
        Expr cond = new Expr.Apply(Op.AND, new Expr.Apply(Op.GT, new Expr.Sym("x"), new Expr.Num(1)),
                new Expr.Apply(Op.LEQ, new Expr.Sym("y"), new Expr.Num(2)));
        Expr pw = new Expr.Piecewise(List.of(new Expr.Num(10)), List.of(cond), new Expr.Num(20));
        assertThat(eval(pw, 0, 2, 2)).isEqualTo(10.0);
        assertThat(eval(pw, 0, 0, 2)).isEqualTo(20.0);
        assertThat(eval(new Expr.Apply(Op.LT, new Expr.Num(1), new Expr.Num(2), new Expr.Num(3)), 0, 0, 0)).isEqualTo(1.0);
        assertThat(eval(new Expr.Apply(Op.LT, new Expr.Num(1), new Expr.Num(3), new Expr.Num(2)), 0, 0, 0)).isEqualTo(0.0);
        assertThat(eval(new Expr.Apply(Op.XOR, new Expr.Num(1), new Expr.Num(1), new Expr.Num(1)), 0, 0, 0)).isEqualTo(1.0);
        assertThat(eval(new Expr.Piecewise(List.of(new Expr.Num(1)), List.of(new Expr.Num(0)), null), 0, 0, 0)).isNaN();
    }

    @Test
    void unknownSymbolsAndWrongArityAreReported() {
        assertThatThrownBy(() -> eval(new Expr.Sym("zz"), 0, 0, 0)).hasMessageContaining("unknown symbol 'zz'");
        assertThatThrownBy(() -> eval(new Expr.Call("sq", List.of()), 0, 0, 0)).hasMessageContaining("takes 1 arguments");
        assertThatThrownBy(() -> eval(new Expr.Call("nope", List.of()), 0, 0, 0)).hasMessageContaining("unknown function");
    }
}
