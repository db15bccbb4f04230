"""Reference values for the activation tests, computed independently of our TypeScript code.

Uses mpmath (1.3.0 on the dev machine) at 50 significant digits, then rounds each value to the
nearest double (repr gives the shortest string that round-trips). Run: python3 scripts/reference-values.py
"""
from mpmath import mp, mpf, erfc, exp, expm1, log1p, sqrt, pi, tanh

mp.dps = 50
LAMBDA = mpf('1.0507009873554804934193349852946')
ALPHA = mpf('1.6732632423543772848170429916717')


def sigmoid(x):
    return 1 / (1 + exp(-x))


def Phi(x):
    # erfc, not 1 + erf: even 50 digits cancel completely for x < -15.
    return erfc(-x / sqrt(2)) / 2


def phi(x):
    return exp(-x * x / 2) / sqrt(2 * pi)


FUNCTIONS = {
    'sigmoid': (sigmoid, lambda x: sigmoid(x) * sigmoid(-x)),
    'tanh': (tanh, lambda x: 1 - tanh(x) ** 2),
    'gelu': (lambda x: x * Phi(x), lambda x: Phi(x) + x * phi(x)),
    'softplus': (lambda x: log1p(exp(x)), sigmoid),
    'selu': (
        lambda x: LAMBDA * x if x > 0 else LAMBDA * ALPHA * expm1(x),
        lambda x: LAMBDA if x > 0 else LAMBDA * ALPHA * exp(x),
    ),
    'silu': (lambda x: x * sigmoid(x), lambda x: sigmoid(x) * (1 + x * (1 - sigmoid(x)))),
    'gaussian': (lambda x: exp(-x * x / 2), lambda x: -x * exp(-x * x / 2)),
}

POINTS = ['-40', '-20', '-5', '-1.5', '-0.25', '1e-10', '0.5', '1', '3', '20', '40']

for name, (f, df) in FUNCTIONS.items():
    print(f'// {name}: [x, f(x), f\'(x)]')
    for p in POINTS:
        x = mpf(p)
        print(f'  [{p}, {float(f(x))!r}, {float(df(x))!r}],')
