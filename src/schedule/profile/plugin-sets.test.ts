import { describe, expect, it } from 'vitest';
import { mergePlugins, type PluginRef, type Plugins } from './plugin-sets.js';

const set = (enabled: readonly (string | PluginRef)[], disabled: readonly string[] = []) => ({
  enabled: enabled.map((plugin) => (typeof plugin === 'string' ? { name: plugin } : plugin)),
  disabled,
});

// upstream: apis/config/v1/default_plugins_test.go TestMergePlugins (v1.35), every case; a weight is {name, weight}
describe('mergePlugins (default_plugins_test.go TestMergePlugins)', () => {
  it.each<[string, Plugins, Plugins | undefined, Plugins]>([
    ['AppendCustomPlugin', { filter: set(['DefaultPlugin1', 'DefaultPlugin2']) }, { filter: set(['CustomPlugin']) }, { filter: set(['DefaultPlugin1', 'DefaultPlugin2', 'CustomPlugin']) }],
    [
      'InsertAfterDefaultPlugins2',
      { filter: set(['DefaultPlugin1', 'DefaultPlugin2']) },
      { filter: set(['CustomPlugin', 'DefaultPlugin2'], ['DefaultPlugin2']) },
      { filter: set(['DefaultPlugin1', 'CustomPlugin', 'DefaultPlugin2'], ['DefaultPlugin2']) },
    ],
    [
      'InsertBeforeAllPlugins',
      { filter: set(['DefaultPlugin1', 'DefaultPlugin2']) },
      { filter: set(['CustomPlugin', 'DefaultPlugin1', 'DefaultPlugin2'], ['*']) },
      { filter: set(['CustomPlugin', 'DefaultPlugin1', 'DefaultPlugin2'], ['*']) },
    ],
    ['ReorderDefaultPlugins', { filter: set(['DefaultPlugin1', 'DefaultPlugin2']) }, { filter: set(['DefaultPlugin2', 'DefaultPlugin1'], ['*']) }, { filter: set(['DefaultPlugin2', 'DefaultPlugin1'], ['*']) }],
    ['ApplyNilCustomPlugin', { filter: set(['DefaultPlugin1', 'DefaultPlugin2']) }, undefined, { filter: set(['DefaultPlugin1', 'DefaultPlugin2']) }],
    [
      'CustomPluginOverrideDefaultPlugin',
      { filter: set(['Plugin1', 'Plugin2', 'Plugin3']) },
      { filter: set([{ name: 'Plugin1', weight: 2 }, { name: 'Plugin3', weight: 3 }]) },
      { filter: set([{ name: 'Plugin1', weight: 2 }, 'Plugin2', { name: 'Plugin3', weight: 3 }]) },
    ],
    [
      'OrderPreserveAfterOverride',
      { filter: set(['Plugin1', 'Plugin2', 'Plugin3']) },
      { filter: set([{ name: 'Plugin2', weight: 2 }, { name: 'Plugin1', weight: 1 }]) },
      { filter: set([{ name: 'Plugin1', weight: 1 }, { name: 'Plugin2', weight: 2 }, 'Plugin3']) },
    ],
    [
      'RepeatedCustomPlugin',
      { filter: set(['Plugin1', 'Plugin2', 'Plugin3']) },
      { filter: set(['Plugin1', { name: 'Plugin2', weight: 2 }, 'Plugin3', { name: 'Plugin2', weight: 4 }]) },
      { filter: set(['Plugin1', { name: 'Plugin2', weight: 4 }, 'Plugin3', { name: 'Plugin2', weight: 2 }]) },
    ],
    ['Append custom MultiPoint plugin', { multiPoint: set(['DefaultPlugin1', 'DefaultPlugin2']) }, { multiPoint: set(['CustomPlugin']) }, { multiPoint: set(['DefaultPlugin1', 'DefaultPlugin2', 'CustomPlugin']) }],
    [
      'Append disabled Multipoint plugins',
      { multiPoint: set(['DefaultPlugin1', 'DefaultPlugin2']) },
      { multiPoint: set(['CustomPlugin', 'CustomPlugin2'], ['DefaultPlugin2']), score: set([], ['CustomPlugin2']) },
      { multiPoint: set(['DefaultPlugin1', 'CustomPlugin', 'CustomPlugin2'], ['DefaultPlugin2']), score: set([], ['CustomPlugin2']) },
    ],
    ['override default MultiPoint plugins with custom value', { multiPoint: set(['DefaultPlugin']) }, { multiPoint: set([{ name: 'DefaultPlugin', weight: 5 }]) }, { multiPoint: set([{ name: 'DefaultPlugin', weight: 5 }]) }],
    ['disabled MultiPoint plugin in default set', { multiPoint: set(['DefaultPlugin'], ['DefaultPlugin2']) }, { multiPoint: set(['CustomPlugin']) }, { multiPoint: set(['DefaultPlugin', 'CustomPlugin'], ['DefaultPlugin2']) }],
    [
      'disabled MultiPoint plugin in default set for specific extension point',
      { multiPoint: set(['DefaultPlugin']), score: set([], ['DefaultPlugin2']) },
      { multiPoint: set(['CustomPlugin']) },
      { multiPoint: set(['DefaultPlugin', 'CustomPlugin']), score: set([], ['DefaultPlugin2']) },
    ],
    ['multipoint with only disabled gets merged', { multiPoint: set(['DefaultPlugin']) }, { multiPoint: set([], ['DefaultPlugin']) }, { multiPoint: set([], ['DefaultPlugin']) }],
  ])('%s', (_name, defaults, custom, expected) => {
    expect(mergePlugins(defaults, custom)).toEqual(expected);
  });
});
