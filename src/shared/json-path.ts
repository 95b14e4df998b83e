/**
 * Paths into JSON values as a person would write them: `categories[2].fields[0].label["zh-CN"]`. Used by the
 * profile validator's messages and the administration, so that a problem's path finds the field it names.
 */

/** `fields[2].options` from ['fields', 2, 'options']. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}
