import pg from 'pg'

/**
 * Each service's own database, as the system test passes them (SHOP_DATABASES): the
 * stories check there what they must leave behind, not only what the page shows.
 */
type Login = { host: string; port: number; database: string; user: string; password: string; schema: string }

export type Service = 'order-service' | 'inventory-service' | 'payment-service' | 'customer-service' | 'notification-service'

function login(service: Service): Login {
  const all = JSON.parse(process.env.SHOP_DATABASES ?? '{}') as Record<string, Login>
  const found = all[service]
  if (!found) {
    throw new Error(`SHOP_DATABASES has no login for ${service}: run the stories through ShopInBrowserSystemIT`)
  }
  return found
}

export async function query<Row extends Record<string, unknown>>(
  service: Service,
  sql: string,
  parameters: unknown[] = [],
): Promise<Row[]> {
  const { schema, ...connection } = login(service)
  const client = new pg.Client({ ...connection, options: `-c search_path=${schema}` })
  await client.connect()
  try {
    const result = await client.query<Row>(sql, parameters)
    return result.rows
  } finally {
    await client.end()
  }
}

export async function stockOf(sku: string): Promise<number> {
  const rows = await query<{ stock: number }>('inventory-service', 'SELECT stock FROM product WHERE sku = $1', [sku])
  return Number(rows[0]?.stock)
}

export type OrderRow = { status: string; cancel_reason: string | null; total_cents: string | null; payment_id: string | null }

export async function orderRow(orderId: string): Promise<OrderRow | undefined> {
  const rows = await query<OrderRow>(
    'order-service',
    'SELECT status, cancel_reason, total_cents, payment_id FROM customer_order WHERE id = $1',
    [orderId],
  )
  return rows[0]
}

export type PaymentRow = { status: string; amount_cents: string; decline_code: string | null; refunded: boolean }

export async function paymentOf(orderId: string): Promise<PaymentRow | undefined> {
  const rows = await query<PaymentRow>(
    'payment-service',
    `SELECT p.status, p.amount_cents, p.decline_code, EXISTS (SELECT 1 FROM refund r WHERE r.payment_id = p.id) AS refunded
       FROM payment p WHERE p.order_id = $1`,
    [orderId],
  )
  return rows[0]
}

export async function reservationOf(orderId: string): Promise<{ status: string } | undefined> {
  const rows = await query<{ status: string }>('inventory-service', 'SELECT status FROM reservation WHERE order_id = $1', [
    orderId,
  ])
  return rows[0]
}

export async function processorAttempts(orderId: string): Promise<number> {
  const rows = await query<{ attempts: number }>(
    'payment-service',
    'SELECT attempts FROM processor_attempt WHERE order_id = $1',
    [orderId],
  )
  return Number(rows[0]?.attempts ?? 0)
}
