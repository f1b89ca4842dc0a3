/** Runs every example in turn: npm run examples */
export {};
const examples = ['tour', 'demo', 'planning-permit-cases', 'licence-separation', 'notify-commit', 'open-business', 'construction-project'];
for (const name of examples) {
  console.log(`\n━━━ examples/${name}.ts ━━━\n`);
  await import(`./${name}.ts`);
}
