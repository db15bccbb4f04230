/**
 * Objects that live as long as the module. Held by a function below, so that V8 keeps the array:
 * a module-level variable that no function uses lives only while the module's code first runs.
 */
const kept: object[] = [];

/**
 * @internal Keeps `object` alive for the program's life and returns it.
 *
 * Why: V8 discards a class's hidden classes (maps) once none of its objects is alive, and with them
 * the optimised code that checks for them. A program that lets go of every object of a class (all
 * its tapes between two trainings, under a garbage collection) then pays for optimising the hot
 * paths that use them all over again. One object of the class kept alive prevents that.
 */
export function keepAlive<T extends object>(object: T): T {
  kept.push(object);
  return object;
}
