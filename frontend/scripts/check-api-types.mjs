// Fails when src/api/gateway.d.ts is not what openapi-typescript makes of the committed API description, so
// that the typed client never drifts from the gateway (the gateway's ShopApiDescriptionTest keeps the
// description itself in step with the gateway's code).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const committed = 'src/api/gateway.d.ts'
const dir = mkdtempSync(join(tmpdir(), 'saga-shop-api-'))
try {
  const fresh = join(dir, 'gateway.d.ts')
  execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', 'src/api/gateway-openapi.json', '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error(
      `${committed} is out of date with src/api/gateway-openapi.json: run \`npm run api:generate\` in frontend/ and commit the result.`,
    )
    process.exit(1)
  }
  console.log(`${committed} matches the gateway's API description.`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
