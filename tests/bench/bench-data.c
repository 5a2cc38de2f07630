/* bench-data.c: the agreements and KLIK tasks the benchmarks generate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-data.h"

static const char * const suppliers[] = {
  "KMD", "Netcompany", "EG", "Fujitsu", "Schultz", "Systematic", "Visma", "Nine",
};
const char * const bench_systems[8] = {
  "Sag", "Ydelse", "Opkrævning", "Borgerservice", "Jobcenter", "Skole", "Ejendom", "Løn",
};
static const char * const services[] = {
  "SF1520", "SF1500", "SF1530", "SF1601", "SF1470", "SF2900", "SF1590_A", "SF6002",
};
static const char * const municipalities[] = {
  "København", "Aarhus", "Gentofte", "Odense", "Aalborg", "Vejle", "Esbjerg", "Kolding",
};

JsonObject *
bench_make_agreement (guint i)
{
  JsonObject *body = json_object_new ();
  JsonArray *list = json_array_new ();
  g_autofree char *system = g_strdup_printf ("%s %s %u", suppliers[i % 8],
                                             bench_systems[(i / 8) % 8], i);
  g_autofree char *scope = g_strdup_printf ("Borgere i %s, afdeling %u", municipalities[i % 8],
                                            i % 97);
  g_autofree char *valid_to = g_strdup_printf ("20%02u-%02u-28", 20 + i % 6, 1 + i % 12);

  json_object_set_string_member (body, "type", "agreement");
  json_object_set_string_member (body, "using_system", system);
  json_object_set_string_member (body, "supplier", suppliers[i % 8]);
  json_array_add_string_element (list, services[i % 8]);
  json_array_add_string_element (list, services[(i + 3) % 8]);
  json_object_set_array_member (body, "services", list);
  json_object_set_string_member (body, "data_scope", scope);
  json_object_set_string_member (body, "reason", "Sagsbehandling efter serviceloven");
  json_object_set_string_member (body, "state", i % 5 == 0 ? "requested" : "approved");
  json_object_set_string_member (body, "valid_from", "2019-01-01");
  json_object_set_string_member (body, "valid_to", valid_to);
  return body;
}

JsonObject *
bench_make_task (guint i)
{
  JsonObject *body = json_object_new ();
  g_autofree char *title = g_strdup_printf ("KLIK-opgave %u for %s", i, municipalities[i % 8]);
  g_autofree char *deadline = g_strdup_printf ("2020-%02u-%02u", 1 + i % 12, 1 + i % 28);

  json_object_set_string_member (body, "type", "task");
  json_object_set_string_member (body, "project", bench_systems[i % 8]);
  json_object_set_string_member (body, "title", title);
  json_object_set_string_member (body, "deadline", deadline);
  json_object_set_string_member (body, "kind", i % 2 ? "mandatory" : "recommended");
  return body;
}

/**
 * bench_fill_store:
 * @store: the store, in a transaction
 * @user_data: unused
 * @error: return location for a #GError
 *
 * Puts the benchmarks' agreements and tasks into @store; a
 * #StyrStoreTransactionFunc, so that they are written in one transaction.
 */
gboolean
bench_fill_store (StyrStore  *store,
                  gpointer    user_data,
                  GError    **error)
{
  for (guint i = 0; i < BENCH_AGREEMENTS; i++)
    {
      g_autoptr(JsonObject) body = bench_make_agreement (i);
      g_autofree char *id = g_strdup_printf ("agreement:%06u", i);

      if (!styr_store_put (store, id, body, NULL, "bench", NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < BENCH_TASKS; i++)
    {
      g_autoptr(JsonObject) body = bench_make_task (i);
      g_autofree char *id = g_strdup_printf ("task:%05u", i);

      if (!styr_store_put (store, id, body, NULL, "bench", NULL, error))
        return FALSE;
    }

  return TRUE;
}
