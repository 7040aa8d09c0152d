import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import { ProblemError, unreachable } from '@/api/problem'
import type { Problem, Product } from '@/api/types'

/** The catalog with each product's stock, as the inventory has it. */
export const useCatalogStore = defineStore('catalog', () => {
  const products = ref<Product[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const problem = ref<Problem | null>(null)

  const bySku = computed(() => new Map(products.value.map((product) => [product.sku ?? '', product])))

  async function load(): Promise<void> {
    loading.value = true
    problem.value = null
    try {
      products.value = await call(api.GET('/api/products'))
      loaded.value = true
    } catch (error) {
      problem.value = error instanceof ProblemError ? error.problem : unreachable(error)
    } finally {
      loading.value = false
    }
  }

  function nameOf(sku: string): string {
    return bySku.value.get(sku)?.name ?? sku
  }

  return { products, loading, loaded, problem, bySku, load, nameOf }
})
