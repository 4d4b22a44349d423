"""Runs the Python client that OpenAPI Generator (python) made from /q/openapi against a running
engine: PRM_BASE_URL and PRM_TOKEN (alice's bearer token). Prints one line per check and
"N passed, M failed" last; exits 1 on any failure."""
import json
import os
import re
import sys
import time

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else ".")
import prm_client  # noqa: E402
from prm_client.exceptions import ApiException  # noqa: E402

config = prm_client.Configuration(host=os.environ["PRM_BASE_URL"], access_token=os.environ["PRM_TOKEN"])
api = prm_client.ApiClient(config)
partners = prm_client.PartnersApi(api)
deals = prm_client.DealsApi(api)
registry = prm_client.RegistryApi(api)
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else " " + str(detail)))


def refused(call):
    try:
        call()
        return None
    except ApiException as e:
        return e


name = "Python client %d" % int(time.time() * 1000)
created = partners.partners_partner_create(prm_client.PartnersPartnerInput(name=name, tier="gold", score=40))
check("create answers the typed record", created.name == name and created.tier == "gold"
      and re.match(r"^PRT-\d{6,}$", created.public_id or ""), created)
check("urn is read", created.urn == "urn:prm:partners:partner:" + str(created.id), created.urn)
by_id = partners.partners_partner_get(str(created.id))
by_public_id = partners.partners_partner_get(created.public_id)
check("get by id and by public id", by_id.id == created.id and by_public_id.id == created.id)
page = partners.partners_partner_list(filter="name eq '%s'" % name, fields="name,urn,public_id")
check("list filters and projects urn/public_id", len(page.items) == 1 and page.items[0].public_id == created.public_id, page)
patched = partners.partners_partner_patch(str(created.id), prm_client.PartnersPartnerPatch(score=77), if_match='"%d"' % created.version)
check("patch with If-Match changes one field", patched.score == 77 and patched.name == name and patched.version == created.version + 1)
stale = refused(lambda: partners.partners_partner_patch(str(created.id), prm_client.PartnersPartnerPatch(score=1),
                                                       if_match='"%d"' % created.version))
check("a stale If-Match is 412", stale is not None and stale.status == 412, stale)
invalid = refused(lambda: partners.partners_partner_create(prm_client.PartnersPartnerInput.model_construct(name="x", score=300)))
body = json.loads(invalid.body) if invalid is not None and invalid.body else {}
check("invalid values are 422 with pointers", invalid is not None and invalid.status == 422 and "/score" in json.dumps(body), body)
deal = deals.deals_deal_create(prm_client.DealsDealInput(name="Deal " + name, partner=str(created.id),
                                                         amount=prm_client.Money(amount=1200, currency="EUR"),
                                                         details={"channel": "web", "tags": ["a"]}))
check("money and json fields round-trip", deal.amount.currency == "EUR" and deal.details["channel"] == "web", deal)
qualified = deals.deals_deal_transition_qualify(deal.public_id)
check("a transition by public id", qualified.stage == "qualified", qualified)
found = registry.search(q=name.split(" ")[-1])
check("search is typed", any(i.id == created.id for g in found.groups for i in g.items), found)
print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(0 if results["failed"] == 0 else 1)
