import type { components } from './gateway'

/** The gateway's own DTOs, as its OpenAPI description defines them (src/api/gateway.d.ts is generated). */
type Schemas = components['schemas']

export type Caller = Schemas['Caller']
export type Product = Schemas['ProductView']
export type OrderView = Schemas['OrderView']
export type OrderStatus = NonNullable<OrderView['status']>
export type OrderAccepted = Schemas['OrderAccepted']
export type OrderRun = Schemas['OrderRun']
export type SagaEvent = Schemas['SagaEvent']
export type SagaEventKind = NonNullable<SagaEvent['kind']>
export type SagaState = Schemas['SagaState']
export type SagaStepState = Schemas['SagaStepState']
export type SagaStep = NonNullable<SagaStepState['step']>
export type SagaStepStatus = NonNullable<SagaStepState['status']>
export type ProcessorFaults = Schemas['ProcessorFaults']
export type Problem = Schemas['Problem']
export type PlaceOrderRequest = Schemas['PlaceOrderRequest']
