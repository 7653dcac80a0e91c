// The shared API suite through the in-process door.
import { inProcessTransport } from '../../src/api/in-process.ts'
import { createNodeApi } from '../../src/api/node-api.ts'
import { apiSuite } from './suite.ts'

apiSuite(async (a) => ({ transport: inProcessTransport(createNodeApi(a)), close: async () => {} }))
