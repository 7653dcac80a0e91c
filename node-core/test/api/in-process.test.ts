// The shared API suite through the in-process door.
import { createClient } from '../../src/api/client.ts'
import { inProcessTransport } from '../../src/api/in-process.ts'
import { createNodeApi } from '../../src/api/node-api.ts'
import { startTestNode } from '../helpers/nodes.ts'
import { apiSuite } from './suite.ts'

apiSuite(async () => {
  const [a, b] = await Promise.all([startTestNode(), startTestNode()])
  const transport = inProcessTransport(createNodeApi(a.node))
  return {
    client: createClient(transport),
    transport,
    a: a.node,
    b: b.node,
    async close () {
      await transport.close()
      await Promise.all([a.stop(), b.stop()])
    }
  }
})
